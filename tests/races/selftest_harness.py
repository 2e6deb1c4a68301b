#!/usr/bin/env python3
"""Prove that the race scripts' checks bite.

Runs race scripts with SIGIL_RACE_SELFTEST_CORRUPT=1, which makes the
harness (_race.py) replace the first value a script passes to check() or
expect() with a value no check accepts; each script must then exit with
status 1 and name the corrupted value on stderr.  Also runs each script
once normally, which must pass (exit 0).

Usage: selftest_harness.py [--python PATH] [--all] [SCRIPT ...]
Default scripts: a handful covering attributes, globals, containers,
calls, generators and numbers; --all runs every race_*.py.
Exit status 0 when every script behaved, 1 otherwise.
"""

import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = ["race_attr_instance_value.py", "race_global_rebind.py", "race_list_subscr.py",
           "race_call_code_swap.py", "race_gen_handoff.py", "race_num_compare.py"]


def default_python():
    top = os.path.dirname(os.path.dirname(HERE))
    launcher = os.path.join(top, "build", "sigil-python")
    if os.access(launcher, os.X_OK):
        return launcher
    cache = os.environ.get("SIGIL_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "sigil")
    ver = os.environ.get("SIGIL_CPYTHON_VERSION", "3.13.15")
    return os.path.join(cache, "cpython", "%s-release" % ver, "bin", "python3.13t")


def run(python, script, corrupt):
    env = dict(os.environ)
    env.pop("SIGIL_RACE_SELFTEST_CORRUPT", None)
    if corrupt:
        env["SIGIL_RACE_SELFTEST_CORRUPT"] = "1"
    cmd = [python, os.path.join(HERE, script), "--threads", "2", "--iters", "0.2"]
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    return p.returncode, p.stderr


def main():
    ap = argparse.ArgumentParser(description="check that the race harness reports failures")
    ap.add_argument("--python", default=None)
    ap.add_argument("--all", action="store_true")
    ap.add_argument("scripts", nargs="*")
    a = ap.parse_args()
    python = a.python or default_python()
    if a.all:
        scripts = sorted(os.path.basename(p) for p in glob.glob(os.path.join(HERE, "race_*.py")))
    else:
        scripts = a.scripts or DEFAULT
    bad = 0
    for s in scripts:
        rc_ok, err_ok = run(python, s, False)
        rc_bad, err_bad = run(python, s, True)
        last = err_bad.strip().splitlines()[-1] if err_bad.strip() else ""
        good = rc_ok == 0 and rc_bad == 1 and "SIGIL_RACE_SELFTEST_CORRUPT" in last
        bad += not good
        print("%-34s clean rc=%d  corrupted rc=%d  %s" % (s, rc_ok, rc_bad, "ok" if good else "NOT OK"))
        if not good:
            for line in (err_ok.strip().splitlines()[-3:] + err_bad.strip().splitlines()[-3:]):
                print("    | " + line)
    print("%d of %d scripts: checks bite" % (len(scripts) - bad, len(scripts)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
