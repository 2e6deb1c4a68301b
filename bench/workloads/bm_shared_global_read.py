"""Shared globals, read-mostly: hot functions that read module globals and
builtins. Every thread runs the same functions of one module, so they all
read one globals dict: constants, a lookup tuple, helper functions and
builtins (len, abs, min). Nothing is written. The *_write variant also
rebinds a global now and then and adds/removes a global name.
"""
import threading

from _util import scaled, equal

UNIT = {"loops": 80, "n": 4000, "write_every": 0}

SCALE = 7
OFFSET = -3
LIMIT = 1000
WEIGHTS = tuple((i * 13) % 17 for i in range(64))
EPOCH = 0  # rebound by the _write variant; never read below


def mix(a, b):
    return (a * SCALE + b + OFFSET) % LIMIT


def clamp(x):
    return min(max(x, -LIMIT), LIMIT)


def work(n, write_every):
    global EPOCH
    name = "_scratch_%d" % threading.get_ident()
    g = globals()
    acc = 0
    for i in range(n):
        w = WEIGHTS[i & 63]
        acc += mix(i, w) + clamp(w * SCALE - LIMIT // 2)
        acc += abs(OFFSET) + len(WEIGHTS)
        if write_every and i % write_every == 0:
            EPOCH = i
            if i % (write_every * 16) == 0:
                g[name] = i  # a new global key: the keys of globals change
                acc += g[name] - i
                del g[name]
    return acc


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(work(UNIT["n"], UNIT["write_every"]))
    return results


def check(result):
    equal(result, {488064}, "shared globals")
