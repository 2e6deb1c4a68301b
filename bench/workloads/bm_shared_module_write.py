"""Shared module, write-some: as shared_module_read, but each thread assigns
a module attribute of _shared_mod every 32 iterations and adds then
deletes an attribute of its own every 512, while the other threads read
that module's attributes.
"""
import bm_shared_module_read as base
from _util import scaled

UNIT = {"loops": base.UNIT["loops"], "n": base.UNIT["n"], "write_every": 32}


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(base.work(UNIT["n"], UNIT["write_every"]))
    return results


check = base.check
