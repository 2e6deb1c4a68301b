"""Every CPython 3.13 base opcode is implemented by Sigil's loop.

The list of opcodes comes from the running interpreter (dis/opcode), the
implementation list from sigil._opcodes() (expanded from
runtime/sigil_opcodes.def, the same table the dispatch loop is built from).
"""
import dis
import opcode
import os
import sys
import unittest

import sigil

# Opcodes that cannot appear in base bytecode, with the reason Sigil gives.
NEVER_IN_BASE_CODE = {"CACHE", "RESERVED", "INTERPRETER_EXIT", "ENTER_EXECUTOR",
                      "BINARY_OP_INPLACE_ADD_UNICODE"}


def base_opcodes():
    specialized = set()
    for family in opcode._specializations.values():
        specialized.update(family)
    names = set()
    for name, num in dis.opmap.items():
        if num >= 256 or name.startswith("INSTRUMENTED_") or name in specialized:
            continue
        names.add(name)
    return names


class OpcodeCoverage(unittest.TestCase):
    def test_every_base_opcode_implemented(self):
        table = sigil._opcodes()
        missing = sorted(base_opcodes() - set(table))
        self.assertEqual(missing, [], "opcodes with no entry in sigil_opcodes.def")
        not_implemented = sorted(n for n in base_opcodes()
                                 if table[n] != "implemented" and n not in NEVER_IN_BASE_CODE)
        self.assertEqual(not_implemented, [], "base opcodes the loop would hand to the stock loop")

    def test_absent_opcodes_never_emitted(self):
        # Compile a large body of real code and check that no opcode Sigil
        # routes to the stock loop is ever emitted.
        table = sigil._opcodes()
        absent = {n for n, v in table.items() if v != "implemented"}
        self.assertEqual(absent, NEVER_IN_BASE_CODE)
        stdlib = os.path.dirname(os.__file__)
        seen = set()
        count = 0
        for name in sorted(os.listdir(stdlib)):
            if not name.endswith(".py"):
                continue
            with open(os.path.join(stdlib, name), encoding="utf-8", errors="replace") as f:
                src = f.read()
            try:
                code = compile(src, name, "exec")
            except SyntaxError:
                continue
            stack = [code]
            while stack:
                c = stack.pop()
                count += 1
                for ins in dis.get_instructions(c):
                    seen.add(ins.opname)
                stack.extend(k for k in c.co_consts if hasattr(k, "co_code"))
        self.assertGreater(count, 5000)
        self.assertEqual(seen & absent, set())


if __name__ == "__main__":
    unittest.main()
