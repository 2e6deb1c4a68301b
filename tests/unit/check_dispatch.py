#!/usr/bin/env python3
"""Check that the interpreter loop's handlers have dispatch jumps of their own.

GCC merges every computed goto of sigil_interp_run into one and copies the
dispatch block back into the handlers only under the size limit CMakeLists.txt
raises for runtime/sigil_interp.c (--param=max-goto-duplication-insns). When
the copies are lost (a flag dropped, the dispatch block grown past the limit)
every instruction leaves through one shared indirect jump, which the branch
predictor cannot tell apart by handler (3% slower over the bench workloads
on the Intel VM where it was measured, closures 5%), with every other test
still green. This check reads the built binary and fails then.

Usage: check_dispatch.py --binary PATH [--function NAME] [--min N]
Exit status 0 when the function has at least N indirect jumps, 1 otherwise,
2 when the binary or objdump cannot be read.
"""

import argparse
import re
import shutil
import subprocess
import sys

INDIRECT_JUMP = re.compile(r"\sjmpq?\s+\*")


def count_indirect_jumps(binary, function):
    objdump = shutil.which("objdump")
    if objdump is None:
        raise RuntimeError("objdump not found (binutils)")
    p = subprocess.run([objdump, "-d", "--no-show-raw-insn", "--disassemble=" + function, binary],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("objdump failed: %s" % p.stderr.strip())
    body = p.stdout.split("<%s>:" % function, 1)
    if len(body) != 2:
        raise RuntimeError("no function %s in %s" % (function, binary))
    return sum(1 for line in body[1].splitlines() if INDIRECT_JUMP.search(line))


def main():
    ap = argparse.ArgumentParser(description="count the dispatch jumps of the interpreter loop")
    ap.add_argument("--binary", required=True)
    ap.add_argument("--function", default="sigil_interp_run")
    ap.add_argument("--min", type=int, default=300,
                    help="fewest indirect jumps accepted (default 300; 919 when written, 15 without the copies)")
    a = ap.parse_args()
    try:
        n = count_indirect_jumps(a.binary, a.function)
    except (OSError, RuntimeError) as e:
        print("check_dispatch: %s" % e, file=sys.stderr)
        return 2
    ok = n >= a.min
    print("%s: %d indirect jumps (at least %d wanted): %s" % (a.function, n, a.min, "ok" if ok else "FAIL"))
    if not ok:
        print("the dispatch sequence is no longer copied into the handlers; see the comment on "
              "max-goto-duplication-insns in CMakeLists.txt", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
