#!/usr/bin/env python3
"""Writes the channel's configtx.yaml for configtxgen from network/network.json.

Usage: configtx.py NETWORK_FILE PROFILE ORGS_DIR OUT_FILE

The file is JSON, which configtxgen's YAML parser reads as YAML. It defines one configtxgen profile,
named "Registry", for the network profile (raft or bft); the policies are those of the trust model (docs/architecture.md):
- every organisation: Readers/Writers/Admins by role, Endorsement OR('<MSP>.peer'); an organisation
  that runs ordering nodes also admits '<MSP>.orderer' to Readers and Writers, since its orderers sign
  blocks and peers check those signatures against /Channel/Orderer/BlockValidation (ANY Writers);
- Application group: the agencies ("application": true) and the read-only organisations ("readOnly":
  true, outsiders' verifiers). Readers is ANY Readers (so outsiders read); Writers, Admins,
  LifecycleEndorsement and Endorsement name the agencies' principals explicitly, so a read-only
  organisation never writes and never counts in a vote (an ImplicitMeta ALL would also need the
  endorsement of an organisation that has no peers): Writers any agency's admin or client,
  LifecycleEndorsement and Admins every agency (no majority can take over a namespace or rewrite the
  channel), Endorsement a majority of the agencies' peers (the default chaincode policy: governance);
- ACLs: peer/Propose and peer/ChaincodeToChaincode at Application Readers (Fabric's default is
  Writers, which would also refuse an outsider's evaluate); the orderers still refuse an outsider's
  transaction, since /Channel/Writers does not admit it;
- capabilities Channel V3_0, Orderer V2_0, Application V2_5.
Standard library only.
"""
import json
import os
import sys


def in_profile(item, profile):
    return profile in item.get("profiles", [profile])


def signature(*principals):
    return {"Type": "Signature", "Rule": "OR(" + ", ".join(f"'{p}'" for p in principals) + ")"}


def implicit(rule):
    return {"Type": "ImplicitMeta", "Rule": rule}


def out_of(count, principals):
    return {"Type": "Signature", "Rule": f"OutOf({count}, " + ", ".join(f"'{p}'" for p in principals) + ")"}


def all_of(principals):
    return {"Type": "Signature", "Rule": "AND(" + ", ".join(f"'{p}'" for p in principals) + ")"}


def organisation(org, profile, orgs_dir):
    msp = org["msp"]
    orderers = [o for o in org["orderers"] if in_profile(o, profile)]
    peers = [p for p in org["peers"] if in_profile(p, profile)]
    readers = [f"{msp}.admin", f"{msp}.peer", f"{msp}.client"]
    writers = [f"{msp}.admin", f"{msp}.client"]
    if orderers:
        readers.append(f"{msp}.orderer")
        writers.append(f"{msp}.orderer")
    definition = {
        "Name": msp,
        "ID": msp,
        "MSPDir": os.path.join(orgs_dir, org["key"], "msp"),
        "Policies": {
            "Readers": signature(*readers),
            "Writers": signature(*writers),
            "Admins": signature(f"{msp}.admin"),
            "Endorsement": signature(f"{msp}.peer"),
        },
    }
    if orderers:
        definition["OrdererEndpoints"] = [f"{o['host']}:{o['port']}" for o in orderers]
    if peers and org.get("application"):
        # One anchor peer per organisation is enough for discovery; gossip finds the others.
        definition["AnchorPeers"] = [{"Host": peers[0]["host"], "Port": peers[0]["port"]}]
    return definition


def orderer_dir(orgs_dir, org, orderer):
    return os.path.join(orgs_dir, org["key"], "orderers", orderer["name"])


def consensus(net, orgs, profile, orgs_dir):
    ordering = net["ordering"]
    nodes = [(org, o) for org in orgs for o in org["orderers"] if in_profile(o, profile)]
    if profile == "bft":
        mapping = []
        for number, (org, o) in enumerate(nodes, start=1):
            d = orderer_dir(orgs_dir, org, o)
            mapping.append({
                "ID": number,
                "Host": o["host"],
                "Port": o["port"],
                "MSPID": org["msp"],
                "Identity": os.path.join(d, "msp", "signcerts", "cert.pem"),
                "ClientTLSCert": os.path.join(d, "tls", "server.crt"),
                "ServerTLSCert": os.path.join(d, "tls", "server.crt"),
            })
        return {"OrdererType": "BFT", "ConsenterMapping": mapping, "SmartBFT": ordering["smartBft"]}
    consenters = []
    for org, o in nodes:
        d = orderer_dir(orgs_dir, org, o)
        consenters.append({
            "Host": o["host"],
            "Port": o["port"],
            "ClientTLSCert": os.path.join(d, "tls", "server.crt"),
            "ServerTLSCert": os.path.join(d, "tls", "server.crt"),
        })
    return {"OrdererType": "etcdraft", "EtcdRaft": {"Consenters": consenters, "Options": ordering["raft"]}}


def main(net_file, profile, orgs_dir, out_file):
    with open(net_file, encoding="utf-8") as f:
        net = json.load(f)
    orgs = [o for o in net["organizations"] if in_profile(o, profile)]
    ordering_orgs = [o for o in orgs if any(in_profile(x, profile) for x in o["orderers"])]
    agencies = [o for o in orgs if o.get("application")]
    readers_only = [o for o in orgs if o.get("readOnly")]
    definitions = {o["msp"]: organisation(o, profile, orgs_dir) for o in orgs}
    ordering = net["ordering"]
    orderer = {
        "Addresses": [],
        "BatchTimeout": ordering["batchTimeout"],
        "BatchSize": ordering["batchSize"],
        "Organizations": [definitions[o["msp"]] for o in ordering_orgs],
        "Policies": {
            "Readers": implicit("ANY Readers"),
            "Writers": implicit("ANY Writers"),
            "Admins": implicit("MAJORITY Admins"),
            "BlockValidation": implicit("ANY Writers"),
        },
        "Capabilities": {"V2_0": True},
    }
    orderer.update(consensus(net, orgs, profile, orgs_dir))
    peers = [f"{o['msp']}.peer" for o in agencies]
    application = {
        "Organizations": [definitions[o["msp"]] for o in agencies + readers_only],
        "Policies": {
            "Readers": implicit("ANY Readers"),
            "Writers": signature(*[f"{o['msp']}.{role}" for o in agencies for role in ("admin", "client")]),
            "Admins": all_of([f"{o['msp']}.admin" for o in agencies]),
            "LifecycleEndorsement": all_of(peers),
            "Endorsement": out_of(len(peers) // 2 + 1, peers),
        },
        "ACLs": {
            "peer/Propose": "/Channel/Application/Readers",
            "peer/ChaincodeToChaincode": "/Channel/Application/Readers",
        },
        "Capabilities": {"V2_5": True},
    }
    config = {
        "Organizations": list(definitions.values()),
        "Profiles": {
            "Registry": {
                "Policies": {
                    "Readers": implicit("ANY Readers"),
                    "Writers": implicit("ANY Writers"),
                    "Admins": implicit("ALL Admins"),
                },
                "Capabilities": {"V3_0": True},
                "Orderer": orderer,
                "Application": application,
            }
        },
    }
    with open(out_file, "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
