#!/usr/bin/env python3
"""Helpers of scripts/bench.sh.

  bench.py cpu PID_DIR                  per node started by our scripts (a PID file in PID_DIR):
                                        CPU seconds used so far (user + system, from /proc), as JSON
  bench.py results RUNS_DIR OUT_JSON    assembles the runs bench.sh made into results.json and
                                        prints the table

A run is RUNS_DIR/<name>.json (the load client's report) with RUNS_DIR/<name>.cpu.json beside it:
{"seconds": measured wall seconds, "before": cpu, "after": cpu}, the CPU read over the measured
part of the run.
"""
import json
import os
import platform
import subprocess
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU seconds of a process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # After the command name: state is field 3, utime field 14, stime field 15 (1-based).
    return (int(fields[11]) + int(fields[12])) / TICKS


def cpu(pid_dir):
    out = {}
    for name in sorted(os.listdir(pid_dir)):
        if not name.endswith(".pid"):
            continue
        try:
            with open(os.path.join(pid_dir, name), encoding="ascii") as f:
                pid = int(f.read().strip())
        except (OSError, ValueError):
            continue
        seconds = cpu_seconds(pid)
        if seconds is not None:
            out[name[: -len(".pid")]] = seconds
    print(json.dumps(out, sort_keys=True))


def load(runs_dir, name):
    path = os.path.join(runs_dir, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        run = json.load(f)
    cpu_path = os.path.join(runs_dir, name + ".cpu.json")
    if os.path.exists(cpu_path):
        with open(cpu_path, encoding="utf-8") as f:
            run["cpu"] = json.load(f)
    return run


def ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


def rate(run, key="ops_per_s"):
    return None if run is None else run.get(key)


def cpu_per_1000(run):
    """CPU seconds per 1,000 operations of each node over the measured part of a run."""
    if run is None or "cpu" not in run:
        return None
    c = run["cpu"]
    ops = (run.get("tx_per_s") or run.get("ops_per_s") or 0) * c["seconds"]
    if ops <= 0:
        return None
    per = {}
    for node, after in c["after"].items():
        before = c["before"].get(node)
        if before is not None:
            per[node] = round((after - before) * 1000 / ops, 3)
    return per


def growth(runs_dir, r):
    """Per ledger size of the growth stage: what was measured there, or None without a growth stage."""
    sizes = sorted({int(k.split("-")[1]) for k in r if k.startswith("growth-")})
    if not sizes:
        return None
    out = {}
    for size in sizes:
        def get(part, key):
            run = r.get(f"growth-{size}-{part}")
            return None if run is None else run.get(key)
        bytes_file = os.path.join(runs_dir, f"growth-{size}-bytes-per-record")
        per_record = None
        if os.path.exists(bytes_file):
            with open(bytes_file, encoding="ascii") as f:
                per_record = int(f.read().strip())
        out[str(size)] = {
            "preload_records_per_s": get("preload", "ops_per_s"),
            "verify_per_s": get("verify", "ops_per_s"),
            "verify_p99_ms": get("verify", "p99_ms"),
            "list_page_p50_ms": get("list", "p50_ms"),
            "list_page_p99_ms": get("list", "p99_ms"),
            "history_revoked_p99_ms": get("history-revoked", "p99_ms"),
            "history_governance_p99_ms": get("history-governance", "p99_ms"),
            "history_governance_versions": get("history-governance", "history_versions"),
            "ledger_bytes_per_record": per_record,
        }
    return out


def machine():
    mem_kb = 0
    with open("/proc/meminfo", encoding="ascii") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    try:
        java = subprocess.run(
            ["java", "-version"], capture_output=True, text=True, check=False
        ).stderr.splitlines()[0]
    except (OSError, IndexError):
        java = "unknown"
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "java": java,
        "os": platform.platform(),
    }


def chain_verification(runs_dir):
    """The verify-chain runs: blocks and transactions per second, alone and with the peers compared."""
    def one(name):
        try:
            with open(os.path.join(runs_dir, name + ".chain"), encoding="utf-8") as f:
                report = json.load(f)
            with open(os.path.join(runs_dir, name + ".seconds"), encoding="utf-8") as f:
                seconds = float(f.read())
        except FileNotFoundError:
            return None
        return report, seconds
    alone, compared = one("chain-verify"), one("chain-verify-peers")
    if alone is None:
        return None
    report, seconds = alone
    out = {
        "blocks": report["blocksChecked"],
        "transactions": report["transactionsChecked"],
        "seconds": seconds,
        "blocks_per_s": round(report["blocksChecked"] / seconds, 1),
        "transactions_per_s": round(report["transactionsChecked"] / seconds, 1),
        "findings": len(report["findings"]),
    }
    if compared is not None:
        out["with_peers_seconds"] = compared[1]
        out["peers"] = {p["address"]: p["status"] for p in compared[0]["peers"]}
    return out


def results(runs_dir, out_json):
    r = {name[: -len(".json")]: load(runs_dir, name[: -len(".json")])
         for name in os.listdir(runs_dir)
         if name.endswith(".json") and not name.endswith(".cpu.json")}
    ref_put = r.get("reference-put")
    ref_put_owner = r.get("reference-put-owner")
    ref_get = r.get("reference-get")
    single = r.get("anchor-single")
    verify = r.get("verify")
    verify_half = r.get("verify-half-load")
    verify_any = r.get("verify-any")
    batches = {int(k.split("-")[-1]): v for k, v in r.items() if k.startswith("anchor-batch-")}
    best_batch = max(batches.items(), key=lambda kv: rate(kv[1]) or 0) if batches else (None, None)
    single_cpu = single.get("client_cpu_ms_per_1000") if single else None
    batch_cpu = None
    if best_batch[1] is not None and best_batch[1].get("successes"):
        b = best_batch[1]
        batch_cpu = round(b["client_cpu_ms"] / b["successes"], 3)
    with open(os.path.join(runs_dir, "fabric_version"), encoding="utf-8") as f:
        fabric_version = f.read().strip()
    out = {
        "reference_submit_tps": rate(ref_put),
        "reference_owner_only_submit_tps": rate(ref_put_owner),
        "co_endorsement_cost_ratio": ratio(rate(ref_put), rate(ref_put_owner)),
        "anchor_single_tps": rate(single),
        "anchor_single_ratio": ratio(rate(single), rate(ref_put)),
        "anchor_batch_records_per_s": {str(k): rate(v) for k, v in sorted(batches.items())},
        "anchor_batch_ratio": ratio(rate(best_batch[1]), rate(ref_put)),
        "reference_evaluate_per_s": rate(ref_get),
        "verify_per_s": rate(verify),
        "verify_ratio": ratio(rate(verify), rate(ref_get)),
        "verify_p99_ms": None if verify_half is None else verify_half.get("p99_ms"),
        "verify_any_issuer_per_s": rate(verify_any),
        "verify_any_issuer_ratio": ratio(rate(verify_any), rate(ref_get)),
        "growth": growth(runs_dir, r),
        "chain_verification": chain_verification(runs_dir),
        "client_cpu_ms_per_record": batch_cpu,
        "client_cpu_ms_per_single_anchoring": None if single_cpu is None else round(single_cpu / 1000, 3),
        "cpu_s_per_1000_tx": {k: cpu_per_1000(v) for k, v in sorted(r.items())},
        "runs": r,
        "machine": machine(),
        "fabric_version": fabric_version,
    }
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")
    rows = [
        ("reference Put, owner + co-endorser (submit+commit)", ref_put, "tx/s", None),
        ("reference Put, owner only", ref_put_owner, "tx/s", ratio(rate(ref_put_owner), rate(ref_put))),
        ("anchor one certificate", single, "tx/s", out["anchor_single_ratio"]),
    ]
    for size, run in sorted(batches.items()):
        rows.append((f"anchor batches of {size}", run, "records/s", ratio(rate(run), rate(ref_put))))
    rows += [
        ("reference Get (evaluate)", ref_get, "q/s", None),
        ("verify a hash, issuer known", verify, "q/s", out["verify_ratio"]),
        ("verify at half that load (open loop)", verify_half, "q/s", None),
        ("verify a hash, issuer unknown", verify_any, "q/s", out["verify_any_issuer_ratio"]),
    ]
    print(f"{'workload':52} {'rate':>10} {'unit':9} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6}  failures")
    for label, run, unit, rat in rows:
        if run is None:
            print(f"{label:52} {'not run':>10}")
            continue
        failures = ", ".join(f"{k} {v}" for k, v in sorted(run.get("failures", {}).items())) or "-"
        print(f"{label:52} {run['ops_per_s']:>10.1f} {unit:9} {run['p50_ms']:>8.1f} "
              f"{run['p99_ms']:>8.1f} {'' if rat is None else f'{rat:.2f}':>6}  {failures}")
    print("ratios: against the reference Put (writes) or Get (reads) measured in the same run")
    chain = out["chain_verification"]
    if chain:
        line = (f"verify the chain from block 0: {chain['blocks_per_s']} blocks/s, "
                f"{chain['transactions_per_s']} transactions/s ({chain['blocks']} blocks, "
                f"{chain['transactions']} transactions in {chain['seconds']} s")
        if "with_peers_seconds" in chain:
            line += (f"; with {len(chain['peers'])} peers' copies compared: "
                     f"{chain['with_peers_seconds']} s")
        print(line + ")")
    if out["growth"]:
        print()
        print(f"{'bench records':>13} {'verify p99':>10} {'page of 100':>18} {'history p99 ms':>15} "
              f"{'governance p99':>15} {'bytes/record':>12}")
        for size, g in out["growth"].items():
            page = f"{g['list_page_p50_ms']} / {g['list_page_p99_ms']}"
            print(f"{int(size):>13,} {g['verify_p99_ms']!s:>10} {page:>18} {g['history_revoked_p99_ms']!s:>15} "
                  f"{g['history_governance_p99_ms']!s:>15} {g['ledger_bytes_per_record']!s:>12}")
        print("(times in ms; page of 100: p50 / p99)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "cpu":
        cpu(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "results":
        results(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
