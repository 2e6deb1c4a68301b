"""Fannkuch-redux: pancake flips over all permutations of 1..n.

Tight loops over small lists: slicing, reversal, index arithmetic. For
n = 8 the checksum is 1616 and the maximum flip count 22 (published
values of the Computer Language Benchmarks Game).
"""
from _util import scaled, equal

UNIT = {"loops": 4, "n": 8}

KNOWN = {7: (228, 16), 8: (1616, 22), 9: (8629, 30)}


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if index & 1:
            checksum -= flips
        else:
            checksum += flips
        # Advance to the next permutation in counting order.
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        index += 1


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(fannkuch(UNIT["n"]))
    return results


def check(result):
    equal(result, {KNOWN[UNIT["n"]]}, "fannkuch (checksum, max flips)")
