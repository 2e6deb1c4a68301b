"""Unpacking: tuple and list packing/unpacking in every form.

Swaps, multiple assignment, starred targets, unpacking in for-loops and
comprehensions, functions returning tuples, *args/**kwargs call
forwarding and dict unpacking. Exact integer results.
"""
from _util import scaled, equal

UNIT = {"loops": 4, "n": 20000}


def divmod_pair(a, b):
    return a // b, a % b


def forward(*args, **kwargs):
    return combine(*args, **kwargs)


def combine(a, b, c=0, d=0):
    return a + 2 * b + 3 * c + 4 * d


def benchmark(n):
    a, b = 0, 1
    acc = 0
    for i in range(n):
        a, b = b, (a + b) % 1000003
        x, y, z = i, i + 1, i + 2
        z, y, x = x, y, z
        acc += x - z
        q, r = divmod_pair(i * 7 + 3, 11)
        acc += q + r
        first, *middle, last = (i, i + 1, i + 2, i + 3, i + 4)
        acc += first + last + len(middle)
        head, *tail = [i, 2, 3]
        acc += head + tail[-1]
        acc += forward(i, 1, c=2) + forward(*(i, 2), **{"d": 1})
    pairs = [(i, i * i) for i in range(n // 4)]
    s = 0
    for k, v in pairs:
        s += v - k
    s += sum(v for _k, v in pairs[::3])
    triples = [(i, (i + 1, i + 2)) for i in range(n // 4)]
    for i, (j, k) in triples:
        s += i * j - k
    merged = {**{"a": 1, "b": 2}, **{"b": 3, "c": 4}}
    lst = [*range(5), *merged.values()]
    return a, b, acc, s, sum(lst), tuple(sorted(merged))


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(UNIT["n"]))
    return results


def reference(n):
    """The same quantities computed the plain way."""
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % 1000003
    acc = 0
    for i in range(n):
        acc += 2  # x - z after the three-way swap
        acc += (i * 7 + 3) // 11 + (i * 7 + 3) % 11
        acc += i + (i + 4) + 3
        acc += i + 3
        acc += (i + 2 + 6) + (i + 4 + 4)
    m = n // 4
    s = sum(i * i - i for i in range(m))
    s += sum(i * i for i in range(0, m, 3))
    s += sum(i * (i + 1) - (i + 2) for i in range(m))
    return a, b, acc, s, 10 + 1 + 3 + 4, ("a", "b", "c")


def check(result):
    equal(result, {reference(UNIT["n"])}, "unpacking")
