"""Closures: nested functions, cells, nonlocal state and decorators.

Counter factories with `nonlocal`, adders and composers built from
lambdas, a memoizing decorator, a decorator stack around a hot function,
callbacks stored in a list, and closures created inside a loop.
"""
from _util import scaled, equal

UNIT = {"loops": 26, "n": 8000}


def make_counter(start):
    count = start

    def step(by=1):
        nonlocal count
        count += by
        return count
    return step


def make_adder(k):
    return lambda x: x + k


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        value = fn(n)
        cache[n] = value
        return value
    return wrapper


def counted(fn):
    calls = [0]

    def wrapper(*args):
        calls[0] += 1
        return fn(*args)
    wrapper.calls = calls
    return wrapper


def clamp(lo, hi):
    def deco(fn):
        def wrapper(x):
            v = fn(x)
            return lo if v < lo else hi if v > hi else v
        return wrapper
    return deco


def benchmark(n):
    @memoize
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)

    @counted
    @clamp(-50, 50)
    def wobble(x):
        return (x * 7) % 151 - 75

    counter = make_counter(10)
    add3 = make_adder(3)
    pipeline = compose(add3, compose(make_adder(-1), lambda x: x * 2))
    callbacks = [make_adder(i) for i in range(8)]
    acc = 0
    for i in range(n):
        acc += counter(i & 3)
        acc += pipeline(i)
        acc += callbacks[i & 7](i) - i
        acc += wobble(i)
        local = i & 15
        acc += (lambda y: y + local)(1)
    return acc, counter(0), fib(90), wobble.calls[0]


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(UNIT["n"]))
    return results


def check(result):
    equal(result, {(112179850, 12010, 2880067194370816120, 8000)}, "closures")
