"""Shared globals, write-some: as shared_global_read, but each thread
rebinds a global every 32 iterations and adds then deletes a global name
of its own every 512 iterations, all in the one module namespace the
other threads are reading.
"""
import bm_shared_global_read as base
from _util import scaled

UNIT = {"loops": base.UNIT["loops"], "n": base.UNIT["n"], "write_every": 32}


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(base.work(UNIT["n"], UNIT["write_every"]))
    return results


check = base.check
