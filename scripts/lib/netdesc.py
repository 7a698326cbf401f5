#!/usr/bin/env python3
"""Reads network/network.json and prints what the bash scripts need, one node per line.

Usage: netdesc.py FILE PROFILE WHAT
  WHAT = cas       -> key msp host port operationsPort
         peers     -> key msp name host port chaincodePort operationsPort
         orderers  -> key msp name host port adminPort operationsPort
         users     -> key name role doctypes   (doctypes ';'-joined, '-' when none)
         ports     -> port node   (every listening port of the profile, for collision checks)
         channel   -> the channel name
Every call first checks the users' names, which become enrollment ids with the organisation's CA,
folders under .state/orgs and wallet entries: 1 to 64 characters of [A-Za-z0-9._@-], the first a
letter or digit (the client library's Registration.ENROLLMENT_ID); not a name the scripts give an
identity of their own (the CA's bootstrap "admin", the wallet's "registrar", the MSP admin
"mspadmin", a node's "<node>.<org>" or "ccaas.<peer>.<org>"); no name twice in an organisation.
Standard library only, so a fresh machine needs nothing installed for it.
"""
import json
import re
import sys

ENROLLMENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
# Kept in step with scripts/lib/identities.sh (require_enrollment_id) and nodes.sh (MSP_ADMIN_ID).
RESERVED = {"admin", "registrar", "mspadmin"}


def in_profile(item, profile):
    return profile in item.get("profiles", [profile])


def check_enrollment_ids(net):
    """Exits with a message naming the first user name the scripts cannot issue an identity for."""
    for org in net["organizations"]:
        taken = set(RESERVED)
        for peer in org["peers"]:
            taken |= {f"{peer['name']}.{org['key']}", f"ccaas.{peer['name']}.{org['key']}"}
        taken |= {f"{o['name']}.{org['key']}" for o in org["orderers"]}
        for user in org["users"]:
            name = user["name"]
            if not isinstance(name, str) or not ENROLLMENT_ID.fullmatch(name):
                sys.exit(f"network description: user name {name!r} of organisation '{org['key']}' is not allowed: "
                         "1 to 64 characters of [A-Za-z0-9._@-], the first a letter or digit")
            if name in taken:
                sys.exit(f"network description: user name '{name}' of organisation '{org['key']}' is taken "
                         "(reserved, a node's, or given twice)")
            taken.add(name)


def main(path, profile, what):
    with open(path, encoding="utf-8") as f:
        net = json.load(f)
    check_enrollment_ids(net)
    if profile not in net["profiles"]:
        sys.exit(f"unknown profile '{profile}' (known: {', '.join(sorted(net['profiles']))})")
    orgs = [o for o in net["organizations"] if in_profile(o, profile)]
    rows = []
    if what == "channel":
        rows.append([net["channel"]])
    for org in orgs:
        ca = org["ca"]
        if what == "users":
            types = ";".join(org["documentTypes"]) or "-"
            rows += [[org["key"], u["name"], u["role"], types if u["role"] == "issuer" else "-"] for u in org["users"]]
        if what in ("cas", "ports"):
            if what == "cas":
                rows.append([org["key"], org["msp"], ca["host"], ca["port"], ca["operationsPort"]])
            else:
                rows += [[ca["port"], f"ca.{org['key']}"], [ca["operationsPort"], f"ca.{org['key']} operations"]]
        for peer in (p for p in org["peers"] if in_profile(p, profile)):
            node = f"{peer['name']}.{org['key']}"
            if what == "peers":
                rows.append([org["key"], org["msp"], peer["name"], peer["host"], peer["port"],
                             peer["chaincodePort"], peer["operationsPort"]])
            elif what == "ports":
                rows += [[peer["port"], node], [peer["chaincodePort"], f"{node} chaincode"],
                         [peer["operationsPort"], f"{node} operations"]]
                rows += [[port, f"{node} {cc} chaincode server"] for cc, port in sorted(peer["chaincodeServers"].items())]
        for orderer in (o for o in org["orderers"] if in_profile(o, profile)):
            node = f"{orderer['name']}.{org['key']}"
            if what == "orderers":
                rows.append([org["key"], org["msp"], orderer["name"], orderer["host"], orderer["port"],
                             orderer["adminPort"], orderer["operationsPort"]])
            elif what == "ports":
                rows += [[orderer["port"], node], [orderer["adminPort"], f"{node} admin"],
                         [orderer["operationsPort"], f"{node} operations"]]
    if what == "ports":
        seen = {}
        for port, node in rows:
            if port in seen:
                sys.exit(f"network description: port {port} is given to both {seen[port]} and {node}")
            seen[port] = node
    for row in rows:
        print(" ".join(str(v) for v in row))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
