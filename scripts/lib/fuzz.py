"""Helpers of scripts/fuzz.sh: one function's fuzzing run read from its log, its findings turned into
seeds, and the results of every run (build/fuzz/results.json and the table).

  fuzz.py run FUNCTION METHOD SELECTOR LOG RC WALL_SECONDS FINDINGS_DIR SEED_DIR CORPUS_DIR OUT_JSON
  fuzz.py results RUNS_DIR OUT_JSON JAZZER_VERSION COMMIT DIRTY MODE LIMIT
"""

import hashlib
import json
import os
import re
import shutil
import sys

# The artifacts libFuzzer writes under -artifact_prefix (Jazzer's Java findings are crash-*).
ARTIFACT = re.compile(r"^(crash|timeout|oom|leak|slow-unit)-[0-9a-f]+$")


def last_int(pattern, text):
    found = re.findall(pattern, text, re.MULTILINE)
    return int(found[-1]) if found else None


def run(function, method, selector, log, rc, wall, findings_dir, seed_dir, corpus_dir, out_json):
    """Reads one run's figures from its log; copies each finding into the seed folder as the same
    transaction unpinned (the pinned input followed by the function's selector byte)."""
    with open(log, encoding="utf-8", errors="replace") as f:
        text = f.read()
    executions = last_int(r"^stat::number_of_executed_units:\s*(\d+)", text)
    seconds = None
    done = re.findall(r"^Done (\d+) runs in (\d+) second", text, re.MULTILINE)
    if done:
        seconds = int(done[-1][1])
    rate = last_int(r"^stat::average_exec_per_sec:\s*(\d+)", text)
    if executions is not None and seconds:
        rate = round(executions / seconds, 1)

    findings = []
    if os.path.isdir(findings_dir):
        for name in sorted(os.listdir(findings_dir)):
            if not ARTIFACT.match(name):
                continue
            raw_path = os.path.join(findings_dir, name)
            with open(raw_path, "rb") as f:
                unpinned = f.read() + bytes([int(selector)])
            digest = hashlib.sha1(unpinned).hexdigest()
            seed_name = "finding-%s-%s" % (function.replace(":", "-"), digest[:12])
            seed_path = os.path.join(seed_dir, seed_name)
            with open(seed_path, "wb") as f:
                f.write(unpinned)
            findings.append({"kind": name.split("-")[0], "input": raw_path, "seed": seed_path})

    if findings:
        status = "finding"
    elif int(rc) != 0 or executions is None:
        status = "error"
    else:
        status = "ok"
    corpus_files = len(os.listdir(corpus_dir)) if os.path.isdir(corpus_dir) else 0
    result = {
        "function": function,
        "method": method,
        "status": status,
        "executions": executions,
        "seconds": seconds,
        "execs_per_s": rate,
        "wall_seconds": int(wall),
        "corpus": corpus_dir,
        "corpus_files": corpus_files,
        "findings": findings,
        "log": log,
    }
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    line = "%s: %s executions in %s s (%s/s), corpus %d inputs" % (
        function, fmt(executions), fmt(seconds), fmt(rate), corpus_files)
    if findings:
        line += "; %d FINDING(S), seed %s" % (
            len(findings), ", ".join(os.path.basename(x["seed"]) for x in findings))
    elif status == "error":
        line += "; the run FAILED without a finding (log: %s)" % log
    print(line)


def fmt(value):
    if value is None:
        return "-"
    if isinstance(value, float):
        return "{:,.1f}".format(value)
    return "{:,}".format(value)


def results(runs_dir, out_json, jazzer_version, commit, dirty, mode, limit):
    runs = []
    # Named NNN-<function>.json in the order run.
    for name in sorted(os.listdir(runs_dir)):
        if name.endswith(".json"):
            with open(os.path.join(runs_dir, name), encoding="utf-8") as f:
                runs.append(json.load(f))
    order = {"ok": 0, "finding": 1, "error": 2}
    executions = sum(r["executions"] or 0 for r in runs)
    seconds = sum(r["seconds"] or 0 for r in runs)
    document = {
        "jazzer_version": jazzer_version,
        "git_commit": commit,
        "git_dirty": dirty == "true",
        "limit": {"runs_per_function": int(limit)} if mode == "runs"
        else {"seconds_per_function": int(limit)},
        "functions": runs,
        "total": {
            "functions": len(runs),
            "executions": executions,
            "seconds": seconds,
            "wall_seconds": sum(r["wall_seconds"] for r in runs),
            "findings": sum(len(r["findings"]) for r in runs),
            "errors": sum(1 for r in runs if r["status"] == "error"),
            "status": max((r["status"] for r in runs), key=order.get, default="ok"),
        },
    }
    tmp = out_json + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2)
        f.write("\n")
    os.replace(tmp, out_json)

    header = ("function", "executions", "seconds", "exec/s", "findings")
    rows = [(r["function"], fmt(r["executions"]), fmt(r["seconds"]), fmt(r["execs_per_s"]),
             str(len(r["findings"])) if r["status"] != "error" else "ERROR") for r in runs]
    rows.append(("total", fmt(executions), fmt(seconds),
                 fmt(round(executions / seconds, 1)) if seconds else "-",
                 str(document["total"]["findings"])))
    widths = [max(len(row[i]) for row in rows + [header]) for i in range(len(header))]
    for i, row in enumerate([header] + rows):
        if i == len(rows):
            print("  ".join("-" * w for w in widths))
        print("  ".join(cell.ljust(w) if c == 0 else cell.rjust(w)
                        for c, (cell, w) in enumerate(zip(row, widths))))


if __name__ == "__main__":
    if len(sys.argv) == 12 and sys.argv[1] == "run":
        run(*sys.argv[2:])
    elif len(sys.argv) == 9 and sys.argv[1] == "results":
        results(*sys.argv[2:])
    else:
        sys.exit(__doc__)
