"""Exception-heavy control flow: raise, catch, re-raise and clean up.

A parser of small tokens that signals errors with a custom exception
hierarchy, lookups that fall back on KeyError/IndexError, try/finally and
context managers in a loop, exception chaining, and an iterator driven
to StopIteration by hand.
"""
from _util import scaled, equal

UNIT = {"loops": 18, "n": 6000}


class ParseError(Exception):
    def __init__(self, pos, msg):
        Exception.__init__(self, msg)
        self.pos = pos


class EmptyToken(ParseError):
    pass


class BadDigit(ParseError):
    pass


def parse_token(tok, pos):
    if not tok:
        raise EmptyToken(pos, "empty")
    value = 0
    for ch in tok:
        if ch < "0" or ch > "9":
            raise BadDigit(pos, "bad digit %r" % ch)
        value = value * 10 + (ord(ch) - 48)
    return value


class Guard(object):
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log[0] += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is ZeroDivisionError:
            self.log[1] += 1
            return True  # swallow
        return False


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        return -1


def benchmark(n):
    tokens = ["12", "", "7x", "345", "9", "a1", "0", "88"]
    table = {i: i * 2 for i in range(0, 64, 3)}
    items = list(range(10))
    good = empty = bad = 0
    fallback = 0
    cleanups = 0
    chained = 0
    log = [0, 0]
    for i in range(n):
        tok = tokens[i & 7]
        try:
            good += parse_token(tok, i)
        except EmptyToken:
            empty += 1
        except ParseError as e:
            bad += e.pos & 1
        fallback += lookup(table, i & 63)
        try:
            fallback += items[i % 13]
        except IndexError:
            fallback -= 1
        try:
            try:
                if i % 5 == 0:
                    raise ValueError(i)
            finally:
                cleanups += 1
        except ValueError as e:
            bad += e.args[0] & 1
        with Guard(log):
            if i % 3 == 0:
                1 // (i - i)
        if i % 50 == 0:
            try:
                try:
                    raise KeyError(i)
                except KeyError as e:
                    raise RuntimeError("wrapped") from e
            except RuntimeError as e:
                chained += e.__cause__.args[0]
        it = iter((1, 2))
        while True:
            try:
                good += next(it)
            except StopIteration:
                break
    return good, empty, bad, fallback, cleanups, chained, tuple(log)


def run(unit_scale=1):
    results = set()
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        results.add(benchmark(UNIT["n"]))
    return results


def check(result):
    equal(result, {(358500, 750, 1350, 145063, 6000, 357000, (6000, 2000))}, "exceptions")
