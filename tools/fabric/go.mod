module github.com/service-records-registry/tools/fabric

go 1.26.4

tool (
	github.com/hyperledger/fabric/cmd/configtxgen
	github.com/hyperledger/fabric/cmd/orderer
	github.com/hyperledger/fabric/cmd/osnadmin
	github.com/hyperledger/fabric/cmd/peer
)

// v3.1.5 is commit 86c1172bec37e6590c6b1ae6f847833df48d65fc; the module path has no /v3 suffix, so
// the commit is required through its pseudo-version (newest valid ancestor tag: v1.4.0-rc1).
require github.com/hyperledger/fabric v1.4.0-rc1.0.20260618074816-86c1172bec37
