"""Shared dict, read-mostly: every thread looks up keys in one module-level
dict (a 512-entry table with string keys) and one small dict of tuples.
Subscripts, membership tests, get() now and then, and occasional items()
scans; nothing is written. The *_write variant also inserts, deletes and
overwrites keys of the same dict.
"""
import threading

from _util import scaled, equal

UNIT = {"loops": 40, "n": 4000, "write_every": 0}

TABLE = {"key%03d" % i: i for i in range(512)}
KEYS = tuple("key%03d" % i for i in range(512))
PAIRS = {(i, i + 1): i * 3 for i in range(64)}
TABLE["hot"] = 1


def work(n, write_every):
    me = threading.get_ident()
    acc = 0
    for i in range(n):
        k = KEYS[(i * 7) & 511]
        acc += TABLE[k]
        if i % 128 == 0:
            # dict.get() of a key that is absent. On stock 3.13t this is very
            # slow from any thread but the dict's owner (see bench/README.md),
            # so it is done only now and then.
            acc += TABLE.get("missing", 1) + TABLE.get(k, 0)
        if k in TABLE:
            acc += TABLE["hot"]
        acc += PAIRS[(i & 63, (i & 63) + 1)]
        if i % 512 == 0:
            for key, value in PAIRS.items():
                acc += value - key[0]
        if write_every and i % write_every == 0:
            mine = (me, i)
            TABLE[mine] = i  # a key only this thread uses
            acc += TABLE[mine] - i
            del TABLE[mine]
            TABLE["hot"] = 1  # overwrite a shared key with the same value
    return acc


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(work(UNIT["n"], UNIT["write_every"]))
    return results


def check(result):
    equal(result, {1437088}, "shared dict")
