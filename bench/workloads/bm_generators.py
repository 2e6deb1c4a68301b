"""Generators: pipelines of generator functions and expressions.

A recursive in-order tree walk with `yield from`, a chain of filtering and
mapping generators, a sieve of Eratosthenes built from generators, and
send()-driven running averages. Exercises generator creation, resumption
and delegation.
"""
from _util import scaled, equal

UNIT = {"loops": 12, "tree_depth": 12, "stream": 20000, "primes": 2000}


class Node(object):
    __slots__ = ("left", "value", "right")

    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right


def build(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Node(build(lo, mid - 1), mid, build(mid + 1, hi))


def walk(node):
    if node is None:
        return
    yield from walk(node.left)
    yield node.value
    yield from walk(node.right)


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def take_every(it, k):
    for i, x in enumerate(it):
        if i % k == 0:
            yield x


def primes():
    """An unbounded incremental sieve."""
    composites = {}
    q = 2
    while True:
        if q not in composites:
            yield q
            composites[q * q] = [q]
        else:
            for p in composites[q]:
                composites.setdefault(p + q, []).append(p)
            del composites[q]
        q += 1


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total // count


def benchmark(depth, stream, nprimes):
    tree = build(1, (1 << depth) - 1)
    walked = 0
    previous = 0
    for v in walk(tree):
        assert v > previous
        previous = v
        walked += v
    piped = sum(take_every(squares(evens(numbers(stream))), 3))
    gen_expr = sum(x * 3 for x in range(stream) if x % 7 == 1)
    p = primes()
    last_prime = 0
    for _ in range(nprimes):
        last_prime = next(p)
    avg = averager()
    next(avg)
    final = None
    for x in range(0, stream, 5):
        final = avg.send(x)
    return walked, piped, gen_expr, last_prime, final


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(UNIT["tree_depth"], UNIT["stream"], UNIT["primes"]))
    return results


def check(result):
    n = (1 << UNIT["tree_depth"]) - 1
    stream = UNIT["stream"]
    piped = sum(x * x for i, x in enumerate(range(0, stream, 2)) if i % 3 == 0)
    gen_expr = 3 * sum(range(1, stream, 7))
    final = sum(range(0, stream, 5)) // len(range(0, stream, 5))
    equal(result, {(n * (n + 1) // 2, piped, gen_expr, 17389, final)}, "generators")
