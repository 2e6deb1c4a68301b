"""Summing the counter files Sigil writes with PYTHON_SIGIL_STATS_DIR, and
the share of instructions its loop ran. Shared by tools/sigil-regrtest and
tests/diff/run_diff.py; stdlib only, Python 3.8+."""
import json
import os


def sum_stats(stats_dir):
    """({key: summed int}, number of files) over DIR/*.json."""
    total = {}
    nfiles = 0
    for name in os.listdir(stats_dir):
        if not name.endswith(".json"):
            continue
        try:
            with open(os.path.join(stats_dir, name)) as f:
                d = json.load(f)
        except (OSError, ValueError):
            continue
        nfiles += 1
        for k, v in d.items():
            if isinstance(v, int):
                total[k] = total.get(k, 0) + v
    return total, nfiles


def instruction_share(total):
    """(percent, sigil, stock_untraced, stock_traced) of executed
    instructions, traced/instrumented frames left out of the percentage;
    None when the build cannot count the stock loop's instructions (only
    the stats flavor, CPython built with --enable-pystats, can)."""
    isig = total.get("eval.instructions_sigil")
    istock = total.get("eval.instructions_stock")
    itraced = total.get("eval.instructions_stock_traced", 0)
    if isig is None or istock is None:
        return None
    untraced = max(istock - itraced, 0)
    if isig + untraced == 0:
        return None
    return 100.0 * isig / (isig + untraced), isig, untraced, itraced
