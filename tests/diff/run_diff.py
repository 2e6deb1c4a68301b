#!/usr/bin/env python3
"""Differential test runner for Sigil's evaluators.

Runs every tests/diff/d_*.py program under each requested engine mode
(`PYTHON -X sigil=MODE prog.py`) and compares stdout, stderr and exit code
of every mode byte for byte against mode `off` (CPython's own evaluator),
and mode `off` against the committed golden file golden/<name>.out, so a
regression of the stock path is caught too.

Stdlib only; runs under Python 3.8+ (Debian's python3 and python3.13t).

    run_diff.py --python PATH [--modes off,interp] [--filter S] [--jobs J]
                [--update-golden] [--min-instruction-share PCT]

Each mode's processes write their Sigil counters to a private directory
(PYTHON_SIGIL_STATS_DIR); the run prints, per mode with a hook, the share
of instructions Sigil ran. Only a sigil-python of the stats flavor (CPython
built with --enable-pystats) counts the stock loop's instructions; with
--min-instruction-share the run fails if the share is lower or uncounted.

Golden format: stdout + "--- stderr ---\\n" + stderr + "--- exit N ---\\n",
with the absolute path of tests/diff replaced by <DIFF> and the
interpreter's stdlib directory replaced by <PREFIX> (then sys.prefix, if it
appears elsewhere, also by <PREFIX>).
"""

import argparse
import concurrent.futures
import difflib
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "tools"))
from sigil_share import instruction_share, sum_stats  # noqa: E402
GOLDEN_DIR = os.path.join(HERE, "golden")
TIMEOUT = 60
DIFF_LINES = 40
SEP_STDERR = b"--- stderr ---\n"


# -- Running one program --------------------------------------------------

def child_env():
    env = dict(os.environ)
    for var in ("PYTHON_SIGIL_STATS", "PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "PYTHONWARNINGS",
                "PYTHONINSPECT", "PYTHONUNBUFFERED", "PYTHONIOENCODING",
                "PYTHONSAFEPATH", "PYTHONDEVMODE", "PYTHONOPTIMIZE",
                "PYTHONTRACEMALLOC", "PYTHON_SIGIL", "PYTHONUTF8",
                "PYTHONWARNDEFAULTENCODING", "PYTHONFAULTHANDLER",
                "PYTHON_GIL", "PYTHON_COLORS", "FORCE_COLOR", "NO_COLOR"):
        env.pop(var, None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["LC_ALL"] = "C.UTF-8"
    env["TERM"] = "dumb"
    env["NO_COLOR"] = "1"        # 3.13 colours tracebacks on a tty otherwise
    return env


STATS_DIRS = {}   # mode -> directory its processes write their counters to


def run_program(python, mode, prog):
    """Return (stdout, stderr, exit) as bytes, bytes, int|str."""
    cmd = [python, "-X", "sigil=" + mode, os.path.basename(prog)]   # cwd is HERE
    env = child_env()
    if mode in STATS_DIRS:
        env["PYTHON_SIGIL_STATS_DIR"] = STATS_DIRS[mode]
    else:
        env.pop("PYTHON_SIGIL_STATS_DIR", None)
    try:
        p = subprocess.run(cmd, cwd=HERE, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired as e:
        return (e.stdout or b"", (e.stderr or b"") + b"\n[run_diff: TIMEOUT]\n",
                "timeout")
    return p.stdout, p.stderr, p.returncode


def query_paths(python):
    """The interpreter's stdlib directory and sys.prefix (run in mode off)."""
    code = ("import os, sys; print(os.path.dirname(os.__file__)); "
            "print(sys.prefix); print(sys.base_prefix)")
    p = subprocess.run([python, "-X", "sigil=off", "-c", code], env=child_env(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    if p.returncode != 0:
        sys.exit("run_diff: cannot run %s: %s" % (python, p.stderr.decode(errors="replace")))
    lines = p.stdout.decode().splitlines()
    return lines[0], lines[1], lines[2]


# -- Normalization and golden files ---------------------------------------

class Normalizer:
    def __init__(self, stdlib, prefix, base_prefix):
        pairs = [(HERE, "<DIFF>"), (os.path.realpath(HERE), "<DIFF>"),
                 (stdlib, "<PREFIX>"), (os.path.realpath(stdlib), "<PREFIX>"),
                 (prefix, "<PREFIX>"), (base_prefix, "<PREFIX>")]
        seen = set()
        self.pairs = []
        # Longest first, so the stdlib dir wins over the prefix containing it.
        for path, token in sorted(pairs, key=lambda pt: -len(pt[0])):
            if path and path not in seen and path != "/":
                seen.add(path)
                self.pairs.append((path.encode(), token.encode()))

    def __call__(self, data):
        for path, token in self.pairs:
            data = data.replace(path, token)
        return data


def render(result, norm):
    out, err, code = result
    return norm(out) + SEP_STDERR + norm(err) + ("--- exit %s ---\n" % code).encode()


def golden_path(name):
    return os.path.join(GOLDEN_DIR, name + ".out")


def unified(a, b, label_a, label_b):
    al = a.decode("utf-8", "backslashreplace").splitlines(True)
    bl = b.decode("utf-8", "backslashreplace").splitlines(True)
    lines = list(difflib.unified_diff(al, bl, label_a, label_b, n=2))
    shown = lines[:DIFF_LINES]
    text = "".join(l if l.endswith("\n") else l + "\n" for l in shown)
    if len(lines) > DIFF_LINES:
        text += "    ... (%d more diff lines)\n" % (len(lines) - DIFF_LINES)
    return text


# -- One program in every mode --------------------------------------------

def check(python, modes, prog, norm, update):
    name = os.path.splitext(os.path.basename(prog))[0]
    results = {}
    for mode in ["off"] + [m for m in modes if m != "off"]:
        results[mode] = run_program(python, mode, prog)
    problems = []          # (short reason, diff text)
    ref = results["off"]
    ref_text = render(ref, norm)
    for mode in modes:
        if mode == "off":
            continue
        got = results[mode]
        if got != ref:
            parts = [what for what, x, y in zip(("stdout", "stderr", "exit"), ref, got) if x != y]
            problems.append(("%s differs from off (%s)" % (mode, ",".join(parts)),
                             unified(ref_text, render(got, norm), "off", mode)))
    gpath = golden_path(name)
    if update:
        os.makedirs(GOLDEN_DIR, exist_ok=True)
        old = None
        if os.path.exists(gpath):
            with open(gpath, "rb") as f:
                old = f.read()
        if old != ref_text:
            with open(gpath, "wb") as f:
                f.write(ref_text)
    elif not os.path.exists(gpath):
        problems.append(("no golden file (run with --update-golden)", ""))
    else:
        with open(gpath, "rb") as f:
            golden = f.read()
        if golden != ref_text:
            problems.append(("off differs from golden/%s.out" % name,
                             unified(golden, ref_text, "golden", "off")))
    if ref[2] == "timeout":
        problems.append(("off timed out", ""))
    return name, problems


# -- Driver ---------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description="Sigil differential tests")
    ap.add_argument("--python", required=True, help="sigil-python (or python3.13t)")
    ap.add_argument("--modes", default="off,interp",
                    help="comma-separated engine modes (default off,interp); "
                         "off always runs, as the reference")
    ap.add_argument("--filter", default="", help="only programs whose name contains S")
    ap.add_argument("--jobs", "-j", type=int, default=1, help="programs run in parallel")
    ap.add_argument("--update-golden", action="store_true",
                    help="rewrite golden/<name>.out from mode off's output")
    ap.add_argument("--min-instruction-share", type=float, default=None, metavar="PCT",
                    help="fail if, in a mode with a hook, Sigil ran less than PCT%% of the "
                         "instructions (needs a sigil-python of the stats flavor)")
    args = ap.parse_args()

    python = os.path.abspath(args.python) if os.sep in args.python else args.python
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    for m in modes:
        if m not in ("off", "interp", "jit"):
            ap.error("unknown mode %r" % m)
    progs = sorted(os.path.join(HERE, f) for f in os.listdir(HERE)
                   if f.startswith("d_") and f.endswith(".py") and args.filter in f)
    if not progs:
        print("no programs match %r" % args.filter)
        print("0 passed, 0 failed")
        return 1
    norm = Normalizer(*query_paths(python))
    for m in modes:
        if m != "off":
            STATS_DIRS[m] = tempfile.mkdtemp(prefix="sigil-diff-%s-" % m)

    total = len(progs)
    width = len(str(total))
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        futures = [pool.submit(check, python, modes, p, norm, args.update_golden)
                   for p in progs]
        for i, fut in enumerate(futures, 1):   # report in name order
            name, problems = fut.result()
            if problems:
                failed += 1
                print("[%*d/%d] %-34s FAIL: %s" % (width, i, total, name,
                                                  "; ".join(p[0] for p in problems)))
                for _, diff in problems:
                    if diff:
                        sys.stdout.write(diff)
            else:
                passed += 1
                print("[%*d/%d] %-34s ok" % (width, i, total, name))
            sys.stdout.flush()
    for m, d in sorted(STATS_DIRS.items()):
        total, n = sum_stats(d)
        shutil.rmtree(d, ignore_errors=True)
        share = instruction_share(total)
        if share is None:
            print("mode %s: instructions on Sigil: %d; the stock loop's are not counted by "
                  "this flavor (use the stats flavor) [%d processes]"
                  % (m, total.get("eval.instructions_sigil", 0), n))
        else:
            pct, sigil, stock, traced = share
            print("mode %s: instructions on Sigil: %d/%d untraced (%.2f%%); traced/instrumented "
                  "frames ran %d on the stock loop by design [%d processes]"
                  % (m, sigil, sigil + stock, pct, traced, n))
            share = pct
        if args.min_instruction_share is not None and (
                share is None or share < args.min_instruction_share):
            print("mode %s: instruction share below the required %.2f%%"
                  % (m, args.min_instruction_share))
            failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
