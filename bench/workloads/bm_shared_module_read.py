"""Shared module, read-mostly: every thread reads attributes of one
imported helper module (_shared_mod) and of stdlib modules (math,
operator): constants, a table, functions and a class, all through
`module.attr`. Nothing is written. The *_write variant also assigns
module attributes.
"""
import math
import operator
import threading

import _shared_mod as M
from _util import scaled, equal

UNIT = {"loops": 40, "n": 4000, "write_every": 0}


def work(n, write_every):
    name = "scratch_%d" % threading.get_ident()
    cell = M.Cell(0)  # one per thread
    acc = 0
    for i in range(n):
        x = M.TABLE[i & 63] - 50
        acc += M.clamp(x * M.STEP, M.LO, M.HI)
        acc += M.mix(i & 255, x) + operator.add(M.HI, M.LO)
        acc += math.floor(x / 7.0) + cell.bump(1) % 5
        if write_every and i % write_every == 0:
            M.epoch = i
            if i % (write_every * 16) == 0:
                setattr(M, name, i)  # the module dict gains a key...
                acc += getattr(M, name) - i
                delattr(M, name)  # ...and loses it
    return acc


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(work(UNIT["n"], UNIT["write_every"]))
    return results


def check(result):
    equal(result, {16600885}, "shared module")
