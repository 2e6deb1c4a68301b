"""Shared class, write-some: as shared_class_read, but each thread assigns
a class attribute on the shared base class every 32 iterations (and adds
and deletes one on a subclass every 512), invalidating whatever the other
threads cached about those types. The computed result does not depend on
the written values, so it is still exact.
"""
import bm_shared_class_read as base
from _util import scaled

UNIT = {"loops": base.UNIT["loops"], "n": base.UNIT["n"], "write_every": 32}


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(base.work(UNIT["n"], UNIT["write_every"]))
    return results


check = base.check
