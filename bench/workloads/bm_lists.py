"""List-heavy code: building, slicing, sorting and indexing lists.

Append/pop as a stack, insert/pop(0) as a queue, slicing and slice
assignment, sort with and without keys, list comprehensions, index
lookups in a 2-D integer matrix product, and reversal.
"""
from _util import scaled, equal, Lcg

UNIT = {"loops": 45, "n": 3000, "matrix": 24}


def matmul(a, b):
    n = len(a)
    m = len(b[0])
    inner = len(b)
    out = [[0] * m for _ in range(n)]
    for i in range(n):
        row = a[i]
        orow = out[i]
        for k in range(inner):
            aik = row[k]
            brow = b[k]
            for j in range(m):
                orow[j] += aik * brow[j]
    return out


def benchmark(n, size):
    rng = Lcg(5)
    data = [rng.below(1000) for _ in range(n)]
    stack = []
    for x in data:
        stack.append(x)
        if x % 3 == 0:
            stack.pop()
    queue = list(data[:200])
    moved = 0
    for x in data[:600]:
        queue.insert(0, x)
        moved += queue.pop()
    evens = [x for x in data if x % 2 == 0]
    pairs = sorted(zip(data, range(n)), key=lambda p: (p[0] % 10, -p[1]))
    ordered = sorted(data)
    window = 0
    for i in range(0, n - 8, 8):
        chunk = data[i:i + 8]
        chunk.reverse()
        window += chunk[0] - chunk[-1]
    copy = data[:]
    copy[10:20] = [0] * 5
    del copy[::7]
    a = [[(i * j) % 7 for j in range(size)] for i in range(size)]
    b = [[(i + j) % 5 for j in range(size)] for i in range(size)]
    prod = matmul(a, b)
    trace = sum(prod[i][i] for i in range(size))
    return (len(stack), sum(stack), moved, len(evens), pairs[0][1], pairs[-1][1],
            ordered[n // 2], window, len(copy), sum(copy), trace)


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(UNIT["n"], UNIT["matrix"]))
    return results


def check(result):
    want = (2068, 1023428, 313532, 1499, 2977, 42, 484, -8125, 2567, 1262327, 2804)
    equal(result, {want}, "lists")
