#!/usr/bin/env python3
"""Compares a `wasmfix scan --format json` report with the generator's ground truth.

    python3 bench/check.py OUT/ground-truth.json report.json     # or - for stdin

The report must hold exactly the ground truth's sites (path, line, column, setting, value) and
findings (rule, path, line), no more and no fewer. Differences are printed, named as ast-grep
names them: *missing* (expected, not reported), *noisy* (reported, not expected) and *wrong*
(a site at the expected place with another value). Exit status: 0 on a match, 1 on any
difference, 2 when the inputs cannot be read.

Python 3.11 standard library only.
"""

from __future__ import annotations

import json
import sys
from collections import Counter


def typed(value):
    """A value that keeps booleans and integers apart (in Python, True == 1)."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("int", value)
    if value is None:
        return ("null", None)
    return ("other", repr(value))


def show(value) -> str:
    return json.dumps(value)


def site_key(site: dict) -> tuple:
    return (site["path"], site["line"], site["column"], site["setting"])


def compare(truth: dict, report: dict) -> list[str]:
    problems: list[str] = []

    expected_sites = {}
    for site in truth["sites"]:
        expected_sites.setdefault(site_key(site), []).append(typed(site["value"]))
    reported_sites = {}
    for site in report.get("sites", []):
        reported_sites.setdefault(site_key(site), []).append(typed(site.get("value")))

    shapes = {site_key(s): s.get("shape", "") for s in truth["sites"]}
    for key in sorted(set(expected_sites) | set(reported_sites)):
        path, line, column, setting = key
        where = f"{path}:{line}:{column} {setting}"
        want = Counter(expected_sites.get(key, []))
        got = Counter(reported_sites.get(key, []))
        if want == got:
            continue
        missing = want - got
        extra = got - want
        if missing and extra and sum(missing.values()) == 1 and sum(extra.values()) == 1:
            (w,), (g,) = list(missing), list(extra)
            problems.append(f"wrong site    {where}: value {show(g[1])}, expected {show(w[1])} (shape {shapes.get(key, '?')})")
            continue
        for value, count in missing.items():
            for _ in range(count):
                problems.append(f"missing site  {where} = {show(value[1])} (shape {shapes.get(key, '?')})")
        for value, count in extra.items():
            for _ in range(count):
                problems.append(f"noisy site    {where} = {show(value[1])}")

    def finding_key(f: dict) -> tuple:
        return (f["path"], f["line"], f["rule"])

    expected_findings = Counter(finding_key(f) for f in truth["findings"])
    reported_findings = Counter(finding_key(f) for f in report.get("findings", []))
    finding_shapes = {finding_key(f): f.get("shape", "") for f in truth["findings"]}
    messages = {finding_key(f): f.get("message", "") for f in report.get("findings", [])}
    for key, count in sorted((expected_findings - reported_findings).items()):
        for _ in range(count):
            problems.append(f"missing finding {key[2]} at {key[0]}:{key[1]} (shape {finding_shapes.get(key, '?')})")
    for key, count in sorted((reported_findings - expected_findings).items()):
        for _ in range(count):
            problems.append(f"noisy finding   {key[2]} at {key[0]}:{key[1]}: {messages.get(key, '')}")

    expected_version = truth.get("wasmtime", {}).get("version")
    reported_version = (report.get("wasmtime") or {}).get("version")
    if expected_version and reported_version != expected_version:
        problems.append(f"wrong version: the report's top-level wasmtime version is {reported_version}, expected {expected_version}")
    return problems


def load(path: str) -> dict:
    if path == "-":
        return json.load(sys.stdin)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        truth = load(argv[0])
        report = load(argv[1])
    except (OSError, json.JSONDecodeError) as error:
        print(f"check.py: cannot read the inputs: {error}", file=sys.stderr)
        return 2
    problems = compare(truth, report)
    summary = report.get("summary", {})
    skipped = report.get("skipped", [])
    for entry in skipped:
        print(f"note: wasmfix skipped {entry.get('path')}: {entry.get('reason')}")
    if problems:
        for line in problems:
            print(line)
        print(f"check.py: MISMATCH: {len(problems)} difference(s); expected {len(truth['sites'])} sites and "
              f"{len(truth['findings'])} findings, the report has {len(report.get('sites', []))} sites and "
              f"{len(report.get('findings', []))} findings")
        return 1
    print(f"check.py: OK: {len(truth['sites'])} sites and {len(truth['findings'])} findings as expected "
          f"({summary.get('files_scanned', '?')} files scanned by wasmfix, {truth['files']} in the tree)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
