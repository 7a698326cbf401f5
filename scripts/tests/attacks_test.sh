#!/usr/bin/env bash
# The attack matrix on the real network (issue 15): each attempt is refused, and the ledger is left
# as it was (every peer's height unchanged a few batch timeouts later, the target record as before).
# Other rows of the matrix are proven elsewhere: modified code endorsing alone, suspended or
# unauthorised agencies, backdating and planted events (trust_test.sh); an outsider's submission, a
# governance approval endorsed by one peer, a definition the owner did not approve (network_test.sh).
#   a. Services' issuer revokes, supersedes or purges Justice's record, endorsed by Services' peer,
#      by Justice's peer, and by both;
#   b. Services' issuer reads the private details of Justice's record, on its own peer and on
#      Justice's (the owner's own issuer reads them: the control);
#   c. identities Justice's CA did not issue as they are: a certificate from an unknown CA claiming
#      JusticeMSP and role=issuer; a certificate of Justice's CA without role; role=verifier writing;
#      a document type outside the certificate's doctypes; a certificate of Justice's CA whose
#      validity has ended; a certificate Justice's CA revoked, once the CRL is in JusticeMSP's
#      channel definition (before that, the same identity anchors: the control);
#   d. one agency grants itself a document type: its own approval alone does not apply it.
# Needs a running raft network with the contract deployed (network.sh up, deploy-chaincode.sh).
# Leaves one change behind: JusticeMSP's channel definition lists the revoked test identity's
# certificate in its CRL.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
source "$REPO_DIR/scripts/lib/processes.sh"
source "$REPO_DIR/scripts/lib/identities.sh"
source "$REPO_DIR/scripts/lib/nodes.sh"
source "$REPO_DIR/scripts/tests/lib.sh"

[ "$PROFILE" = raft ] || die $EXIT_FAILURE "the network in $STATE_DIR is profile '$PROFILE', not raft"
CHANNEL=$(netdesc channel)
NS=records-justice
run="atk-$(date +%s%N)"

# record_json KEY ID [NAMESPACE]: the record as KEY's peer answers GetRecord in NAMESPACE
# (records-justice), canonical (empty if absent).
record_json() { peer_query "$1" "$(reader "$1")" "${3:-$NS}" records:GetRecord "$2" 2>/dev/null | grep '^{' || true; }
# record_everywhere ID EXPECTED: every agency's peer answers EXPECTED for the record.
record_everywhere() {
  local key now
  for key in justice services audit; do
    now=$(record_json "$key" "$1")
    [ "$now" = "$2" ] || { echo "$key's peer: $now"; echo "expected: $2"; return 1; }
  done
}
# refused OUT TEXT: the attempt failed, and its output names TEXT.
refused() { grep -v '\[grpc\]' <<<"$1" | tail -n 5; ! grep -q 'committed with status (VALID)' <<<"$1" && grep -q -- "$2" <<<"$1"; }
# exits_with CODE COMMAND...: COMMAND exits with CODE (its output shown on failure).
exits_with() {
  local want=$1 rc=0
  shift
  "$@" >"$work/exit.out" 2>&1 || rc=$?
  cat "$work/exit.out"
  echo "exit $rc, expected $want"
  [ "$rc" -eq "$want" ]
}

echo "== Justice's record with private details, the target"
target="$run-target"
printf '{"fullName":"%s","birthDate":"%s","nationalId":"%s"}\n' "$(personal_detail attacks.fullName)" \
  "$(personal_detail attacks.birthDate)" "$(personal_detail attacks.nationalId)" >"$work/details.json"
check "Justice's issuer anchors $target with private details" \
  registry justice --identity issuer1 issue --id "$target" --type BIRTH_CERTIFICATE --hash "$(random_hash)" \
  --subject-ref "$(subject_ref "$target")" --valid-from 2026-01-01T00:00:00Z --details-file "$work/details.json"
sleep 2
target_before=$(record_json justice "$target")
check "every peer has it" record_everywhere "$target" "$target_before"

echo "== a. Services acts on Justice's record"
supersede_request=$(python3 -c 'import json,sys; print(json.dumps({"id": sys.argv[1], "documentType": "BIRTH_CERTIFICATE", "documentHash": sys.argv[2], "subjectRef": sys.argv[3], "validFrom": "2026-01-01T00:00:00Z"}, separators=(",", ":")))' \
  "$run-takeover" "$(random_hash)" "$(subject_ref "$run-takeover")")
for endorsers in services justice "justice services"; do
  for attempt in "records:Revoke $target ISSUED_IN_ERROR" "records:Supersede $target $supersede_request" "records:PurgeDetails $target"; do
    # shellcheck disable=SC2086
    set -- $attempt
    before=$(heights)
    out=$(peer_invoke services issuer1 "$endorsers" "$NS" "$@" || true)
    check "Services' $1 of Justice's record endorsed by {$endorsers} is refused (NOT_AUTHORIZED)" refused "$out" NOT_AUTHORIZED
    check "  and no peer's height moved" unchanged_heights "$before"
  done
done
check "Justice's record is unchanged on every peer" record_everywhere "$target" "$target_before"
check "no record $run-takeover exists" absent_everywhere "$run-takeover"

echo "== b. Services reads the private details of Justice's record"
one_time_key() { python3 -c 'import base64,json,os; print(json.dumps({"responseKey": base64.b64encode(os.urandom(32)).decode(), "responseNonce": base64.b64encode(os.urandom(12)).decode()}))'; }
# read_details USER_KEY USER PEER_KEY: USER_KEY's USER evaluates ReadDetails of the target on
# PEER_KEY's peer with a one-time key.
read_details() {
  (
    eval "$(peer_cli_env "$3")"
    export CORE_PEER_LOCALMSPID
    CORE_PEER_LOCALMSPID=$(org_msp "$1")
    export CORE_PEER_MSPCONFIGPATH="$ORGS_DIR/$1/users/$2/msp"
    "$FABRIC_BIN/peer" chaincode query -C "$CHANNEL" -n "$NS" -c "$(args_json records:ReadDetails "$target")" \
      --transient "$(one_time_key)" 2>&1
  )
}
opened() { echo "$1" | head -c 200; echo; ! grep -qi 'error' <<<"$1" && [ -n "$1" ] && ! grep -qF "$(personal_detail attacks.fullName)" <<<"$1"; }
out=$(read_details justice issuer1 justice || true)
check "control: Justice's issuer reads them on Justice's peer (ciphertext under its one-time key)" opened "$out"
out=$(read_details services issuer1 justice || true)
check "Services' issuer reading them on Justice's peer is refused (NOT_AUTHORIZED)" refused "$out" NOT_AUTHORIZED
out=$(read_details services issuer1 services || true)
check "Services' issuer reading them on its own peer is refused (NOT_AUTHORIZED)" refused "$out" NOT_AUTHORIZED

echo "== c. identities"
# forge ARGS...: forge_identity.py with a Python that has the cryptography package: python3's own,
# else a virtual environment under the cache with the pinned version (installed once, from PyPI).
forge() {
  local py=python3 venv="$CACHE_DIR/python-tools"
  if ! python3 -c 'import cryptography' 2>/dev/null; then
    if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import cryptography' 2>/dev/null; then
      python3 -m venv "$venv" && "$venv/bin/pip" install -q "cryptography==$CRYPTOGRAPHY_VERSION" \
        || die $EXIT_MISSING_TOOL "could not install Python's cryptography $CRYPTOGRAPHY_VERSION into $venv"
    fi
    py="$venv/bin/python"
  fi
  "$py" "$REPO_DIR/scripts/tests/forge_identity.py" "$@"
}
CRYPTOGRAPHY_VERSION=43.0.3
read -r _ _ ca_host ca_port _ < <(netdesc cas | awk '$1 == "justice"')
msp=JusticeMSP # enroll() names the certificate's organisation after $msp
# justice_user NAME ATTRS: registers NAME with Justice's CA for one enrollment with ATTRS
# (Fabric CA's --id.attrs, empty for none), enrolls it, and puts it in the test's wallet.
justice_user() {
  local dir="$work/users/$1"
  register justice "$1" client "$2" "$dir" 1
  enroll justice "$1" "$dir" "$ca_host" "$ca_port"
  forget_secret "$dir"
  mkdir -p "$work/wallet/$1"
  cp "$dir/msp/signcerts/cert.pem" "$work/wallet/$1/cert.pem"
  cp "$dir"/msp/keystore/*_sk "$work/wallet/$1/key.pem"
}
# anchor_as WALLET_USER ID TYPE: anchors a fresh hash as ID through Justice's profile with a test
# wallet identity (or a profile identity when WALLET_USER names one of Justice's users).
anchor_as() {
  local wallet=()
  [ -d "$work/wallet/$1" ] && wallet=(--wallet "$work/wallet")
  registry justice "${wallet[@]}" --identity "$1" issue --id "$2" --type "$3" --hash "$(random_hash)" \
    --subject-ref "$(subject_ref "$2")" --valid-from 2026-01-01T00:00:00Z
}
# refused_write NAME CODE TEXT WALLET_USER TYPE: the anchoring by WALLET_USER exits CODE naming TEXT,
# no peer's height moves, and no peer has the record.
refused_write() {
  local name=$1 code=$2 text=$3 user=$4 type=$5 id="$run-$4" before
  before=$(heights)
  check "$name: refused (exit $code, $text)" exits_with "$code" anchor_as "$user" "$id" "$type"
  check "  and it names $text" grep -q -- "$text" "$work/exit.out"
  check "  and no peer's height moved" unchanged_heights "$before"
  check "  and no peer has $id" absent_everywhere "$id"
}

forge unknown-ca "$work/wallet/forged" JusticeMSP "forged-$run" '{"role":"issuer","doctypes":"BIRTH_CERTIFICATE"}'
refused_write "a certificate of an unknown CA claiming JusticeMSP and role=issuer" 4 "access denied" forged BIRTH_CERTIFICATE

justice_user "norole-$run" ""
refused_write "a certificate of Justice's CA without role" 4 NOT_AUTHORIZED "norole-$run" BIRTH_CERTIFICATE

refused_write "Justice's verifier (role=verifier) writing" 4 NOT_AUTHORIZED verifier1 BIRTH_CERTIFICATE

justice_user "notary-$run" "role=issuer:ecert,doctypes=NOTARIAL_ACT:ecert"
refused_write "a document type outside the certificate's doctypes (NOTARIAL_ACT only, anchoring a birth certificate)" \
  4 NOT_AUTHORIZED "notary-$run" BIRTH_CERTIFICATE

justice_user "lapsed-$run" "role=issuer:ecert,doctypes=BIRTH_CERTIFICATE:ecert"
forge expired "$work/wallet/lapsed-$run/cert.pem" "$work/wallet/lapsed-$run/key.pem" \
  "$ORGS_DIR/justice/ca/ca-cert.pem" "$ORGS_DIR/justice/ca/msp/keystore" "$work/wallet/expired"
check "a certificate of Justice's CA whose validity ended a minute ago: the library will not use it (exit 8)" \
  exits_with 8 anchor_as expired "$run-expired" BIRTH_CERTIFICATE
check "  naming its expiry" grep -q "expired at" "$work/exit.out"
# A modified client does not ask: the hand-built proposal (CraftedProposal) with the expired
# certificate, endorsed by Justice and Services.
rogue_jar="$REPO_DIR/chaincode/rogue/target/rogue-chaincode.jar"
[ -f "$rogue_jar" ] || die $EXIT_FAILURE "no $rogue_jar: build it first (mvn -pl chaincode/rogue package)"
crafted_as() { # crafted_as CERT KEY ID: the anchoring of ID, proposed to Justice's peer's Gateway
  java -cp "$rogue_jar" org.servicerecords.registry.rogue.CraftedProposal --msp-id JusticeMSP --cert "$1" --key "$2" \
    --peer "$(peer_address justice)" --tls-root "$(peer_root justice)" --channel "$CHANNEL" --chaincode "$NS" \
    --endorsing-orgs JusticeMSP,ServicesMSP --timestamp-offset 0 records:AnchorCertificate "$(certificate_request "$3" BIRTH_CERTIFICATE)" 2>&1 \
    | grep -v 'MacAddressUtil\|usable hardware address'
}
before=$(heights)
out=$(crafted_as "$work/wallet/expired/cert.pem" "$work/wallet/expired/key.pem" "$run-expired-crafted" || true)
# Fabric's endorser refuses an expired creator (and the orderers would too: FORBIDDEN).
peers_refuse_expired() {
  echo "$1"
  grep -q '^endorsement refused' <<<"$1" && grep -q '^  JusticeMSP .*proposal client identity expired' <<<"$1" \
    && grep -q '^  ServicesMSP .*proposal client identity expired' <<<"$1"
}
check "  sent anyway by a hand-built client: Justice's and Services' peers refuse it (proposal client identity expired)" \
  peers_refuse_expired "$out"
check "  and no peer's height moved" unchanged_heights "$before"
check "  and no peer has $run-expired-crafted" absent_everywhere "$run-expired-crafted"

# A certificate Justice's CA revoked: anchors until the CRL is in JusticeMSP's channel definition.
revoked="revoked-$run"
justice_user "$revoked" "role=issuer:ecert,doctypes=BIRTH_CERTIFICATE:ecert"
check "control: $revoked anchors before its revocation" anchor_as "$revoked" "$run-before-revocation" BIRTH_CERTIFICATE
crl="$ORGS_DIR/justice/registrar/msp/crls/crl.pem"
rm -f "$crl"
check "Justice's CA revokes $revoked and issues its CRL" ca_client justice revoke -e "$revoked" -r keycompromise --gencrl
check "  the CRL exists" test -s "$crl"
# add_crl: Justice's MSP admin puts the CRL into JusticeMSP's definitions (application and ordering
# groups: one MSP id must have one definition) with a channel configuration update; its own
# organisation's Admins policy is the one that rules its MSP value.
add_crl() {
  local orderer cafile
  read -r orderer cafile < <(first_orderer)
  as_admin justice peer0 "$FABRIC_BIN/peer" channel fetch config "$work/config.block" -c "$CHANNEL" -o "$orderer" --tls --cafile "$cafile"
  "$FABRIC_BIN/configtxlator" proto_decode --type common.Block --input "$work/config.block" --output "$work/config-block.json"
  python3 - "$work" "$crl" "$CHANNEL" <<'PY'
import base64, json, sys
work, crl, channel = sys.argv[1:]
config = json.load(open(f"{work}/config-block.json"))["data"]["data"][0]["payload"]["data"]["config"]
json.dump(config, open(f"{work}/config.json", "w"))
entry = base64.b64encode(open(crl, "rb").read()).decode()
for group in ("Application", "Orderer"):
    org = config["channel_group"]["groups"][group]["groups"].get("JusticeMSP")
    if org is not None:
        msp = org["values"]["MSP"]["value"]["config"]
        msp["revocation_list"] = (msp.get("revocation_list") or []) + [entry]
json.dump(config, open(f"{work}/modified.json", "w"))
PY
  "$FABRIC_BIN/configtxlator" proto_encode --type common.Config --input "$work/config.json" --output "$work/config.pb"
  "$FABRIC_BIN/configtxlator" proto_encode --type common.Config --input "$work/modified.json" --output "$work/modified.pb"
  "$FABRIC_BIN/configtxlator" compute_update --channel_id "$CHANNEL" --original "$work/config.pb" --updated "$work/modified.pb" --output "$work/update.pb"
  "$FABRIC_BIN/configtxlator" proto_decode --type common.ConfigUpdate --input "$work/update.pb" --output "$work/update.json"
  python3 -c 'import json,sys; u=json.load(open(sys.argv[1])); json.dump({"payload": {"header": {"channel_header": {"channel_id": sys.argv[2], "type": 2}}, "data": {"config_update": u}}}, open(sys.argv[3], "w"))' \
    "$work/update.json" "$CHANNEL" "$work/envelope.json"
  "$FABRIC_BIN/configtxlator" proto_encode --type common.Envelope --input "$work/envelope.json" --output "$work/envelope.pb"
  as_admin justice peer0 "$FABRIC_BIN/peer" channel update -f "$work/envelope.pb" -c "$CHANNEL" -o "$orderer" --tls --cafile "$cafile"
}
check "Justice's MSP admin adds the CRL to JusticeMSP's channel definition" add_crl
check "  every peer has the configuration block" peers_agree 30
refused_write "a certificate Justice's CA revoked (its CRL in the channel)" 4 "access denied" "$revoked" BIRTH_CERTIFICATE

echo "== d. an agency grants itself a document type"
agency_entry() { peer_query "$1" admin1 governance governance:GetAgency ServicesMSP | grep '^{'; }
services_before=$(agency_entry services)
grabber="grabber-$run"
msp=ServicesMSP
read -r _ _ ca_host ca_port _ < <(netdesc cas | awk '$1 == "services"')
dir="$work/users/$grabber"
register services "$grabber" client "role=issuer:ecert,doctypes=BIRTH_CERTIFICATE:ecert" "$dir" 1
enroll services "$grabber" "$dir" "$ca_host" "$ca_port"
forget_secret "$dir"
mkdir -p "$work/services-wallet/$grabber"
cp "$dir/msp/signcerts/cert.pem" "$work/services-wallet/$grabber/cert.pem"
cp "$dir"/msp/keystore/*_sk "$work/services-wallet/$grabber/key.pem"
anchor_birth_in_services() {
  registry services --wallet "$work/services-wallet" --identity "$grabber" issue --id "$1" --type BIRTH_CERTIFICATE \
    --hash "$(random_hash)" --subject-ref "$(subject_ref "$1")" --valid-from 2026-01-01T00:00:00Z
}
check "Services' CA gives its own user doctypes=BIRTH_CERTIFICATE; governance does not: refused (exit 4)" \
  exits_with 4 anchor_birth_in_services "$run-grab-1"
check "  naming ISSUER_NOT_AUTHORIZED" grep -q ISSUER_NOT_AUTHORIZED "$work/exit.out"
# A type of this run's own beside it keeps the change new on a network the test ran on before.
types=$(python3 -c 'import json,sys; print(";".join(json.loads(sys.argv[1])["documentTypes"] + ["BIRTH_CERTIFICATE", sys.argv[2]]))' \
  "$services_before" "TEST_${run//[^0-9]/}")
check "Services' admin approves adding BIRTH_CERTIFICATE to its own types" \
  registry services --identity admin1 governance set-types --msp ServicesMSP --types "$types"
sleep 2
check "one approval of the two needed does not apply it: Services' entry is unchanged on every peer" \
  bash -c '[ "$1" = "$2" ] && [ "$1" = "$3" ] && [ "$1" = "$4" ]' _ "$services_before" \
  "$(agency_entry justice)" "$(agency_entry services)" "$(agency_entry audit)"
check "and its user is still refused (exit 4, ISSUER_NOT_AUTHORIZED)" exits_with 4 anchor_birth_in_services "$run-grab-2"
check "  no peer has $run-grab-1" absent_everywhere "$run-grab-1" records-services
check "  no peer has $run-grab-2" absent_everywhere "$run-grab-2" records-services

summary "attacks"
