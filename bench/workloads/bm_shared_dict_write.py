"""Shared dict, write-some: as shared_dict_read, but every 8th iteration
each thread inserts a key of its own into the shared table, reads it back,
deletes it, and overwrites a shared key with an unchanged value. Inserts
and deletes by several threads force resizes of the one table.
"""
import bm_shared_dict_read as base
from _util import scaled

UNIT = {"loops": base.UNIT["loops"], "n": base.UNIT["n"], "write_every": 8}


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(base.work(UNIT["n"], UNIT["write_every"]))
    return results


check = base.check
