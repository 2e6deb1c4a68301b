#!/usr/bin/env python3.13t
"""Opcode coverage of the differential test programs.

Compiles every tests/diff/d_*.py program and every module of the shipped
test packages (pkg_*/), walks all nested code objects with
dis.get_instructions(adaptive=False), and checks that every CPython 3.13
base opcode that the compiler can emit appears in at least one of them.

Must run under CPython 3.13 (python3.13t or sigil-python -X sigil=off):
the opcode set is the running interpreter's.  Exits 1 if an opcode is
missing, 2 if run under the wrong Python version.

    python3.13t tests/diff/opcode_coverage.py [--verbose]
"""

import argparse
import dis
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))

# -- Exclusions -----------------------------------------------------------
# Opcodes that are never part of the opcode universe we check.
NOT_REAL = {
    "CACHE",           # inline cache entry, not an instruction
    "RESERVED",        # placeholder number, never executed
    "ENTER_EXECUTOR",  # written into bytecode by the tier-2 optimizer only
}

# Base opcodes the 3.13 compiler can never emit (checked against the
# 3.13.15 sources: neither Python/compile.c, Python/flowgraph.c nor
# Python/assemble.c produce them).
NEVER_EMITTED = {
    # Only in the static _Py_InitCleanup shim code object of
    # Python/specialize.c, pushed by the specialized CALL_ALLOC_AND_ENTER_INIT
    # (specialization is disabled in free-threaded 3.13t anyway).  compile.c
    # mentions it only in its stack-effect table.
    "EXIT_INIT_CHECK",
    # Only in the static entry-frame trampoline of Python/ceval.c
    # (_Py_INTERPRETER_TRAMPOLINE_INSTRUCTIONS); marks the C->Python boundary.
    "INTERPRETER_EXIT",
}


def base_opcodes():
    """All 3.13 base opcode names (no specialized, instrumented or pseudo)."""
    specialized = set(getattr(dis, "_specialized_opmap", {}))
    names = set()
    for name, op in dis.opmap.items():
        if op >= 256:                      # pseudo-ops (JUMP, SETUP_*, ...)
            continue
        if name.startswith("INSTRUMENTED_"):
            continue
        if name in specialized:
            continue
        names.add(name)
    return names - NOT_REAL


def sources():
    """(label, path) of every program and package module, sorted."""
    out = []
    for fn in sorted(os.listdir(HERE)):
        path = os.path.join(HERE, fn)
        if fn.startswith("d_") and fn.endswith(".py"):
            out.append((fn, path))
        elif fn.startswith("pkg_") and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for f in sorted(files):
                    if f.endswith(".py"):
                        p = os.path.join(root, f)
                        out.append((os.path.relpath(p, HERE), p))
    return out


def walk_code(code):
    yield code
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            yield from walk_code(c)


def opnames_of(path):
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # SyntaxWarnings are intended
        top = compile(src, path, "exec", dont_inherit=True)
    used = set()
    for co in walk_code(top):
        for ins in dis.get_instructions(co, adaptive=False):
            used.add(ins.opname)
        # dis folds EXTENDED_ARG into the following instruction's oparg in
        # some versions; look at the raw code units as well.
        raw = co.co_code
        for i in range(0, len(raw), 2):
            used.add(dis.opname[raw[i]])
    return used


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list, for each opcode, every program using it")
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 13):
        print(f"opcode_coverage.py needs CPython 3.13, not {sys.version.split()[0]}")
        return 2

    universe = base_opcodes()
    unknown = (NEVER_EMITTED | NOT_REAL) - set(dis.opmap)
    if unknown:
        print("exclusion list names unknown opcodes:", sorted(unknown))
        return 2
    target = universe - NEVER_EMITTED
    users = {name: [] for name in universe}
    for label, path in sources():
        for name in opnames_of(path):
            if name in users:
                users[name].append(label)

    width = max(len(n) for n in universe)
    for name in sorted(universe):
        progs = users[name]
        if name in NEVER_EMITTED:
            note = "excluded (never emitted by the 3.13 compiler)"
        elif not progs:
            note = "MISSING"
        elif args.verbose:
            note = ", ".join(progs)
        else:
            more = f" (+{len(progs) - 3} more)" if len(progs) > 3 else ""
            note = ", ".join(progs[:3]) + more
        print(f"{name:<{width}}  {note}")
    missing = sorted(n for n in target if not users[n])
    covered = len(target) - len(missing)
    print(f"covered {covered}/{len(target)} emittable base opcodes "
          f"({len(universe)} base opcodes, {len(NEVER_EMITTED)} excluded)")
    if missing:
        print("missing:", " ".join(missing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
