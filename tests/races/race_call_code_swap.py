"""A function's __code__ swapped under hot calls (incompatible codes opt-in).

Attacks: CALL_PY_EXACT_ARGS, CALL_BOUND_METHOD_EXACT_ARGS,
         LOAD_ATTR_METHOD_WITH_VALUES
Writers set f.__code__ (f is called directly, as a method through the
class, and through a stored bound method) to bodies returning ("A", x) or
("B", x).  With --cpython-bugs they also install a two-argument body (the
one-argument call must raise TypeError) and a generator body (the call
must return a generator that yields ("G", 1)).  Stock 3.13t reads
func.__code__ twice per call (_PyEvalFramePushAndInit, then
initialize_locals), so it can run the two-argument body with its second
argument unset, or return a *coroutine* built from a generator frame;
those swaps are therefore opt-in.
Writers take turns for each function-attribute store (Race.setter:
stock 3.13t's setters are unsafe against each other; --cpython-bugs
lets them collide); readers race every store.
Invariant: each call gives ("A", 1) or ("B", 1) (with --cpython-bugs
also TypeError or a generator that yields ("G", 1)); nothing else.
"""
import types
import warnings

import _race

# Swapping a generator body into a plain function is deprecated; the race is the point.
warnings.simplefilter("ignore", DeprecationWarning)


def f(x):
    return ("A", x)


def body_a(x):
    return ("A", x)


def body_b(x):
    return ("B", x)


def body_two(x, y):
    return ("two", x, y)


def body_gen(x):
    yield ("G", x)


def m(self, x):
    return ("A", x)


def mb_a(self, x):
    return ("A", x)


def mb_b(self, x):
    return ("B", x)


def mb_two(self, x, y):
    return ("two", x)


def mb_gen(self, x):
    yield ("G", x)


class C:
    m = m


def main():
    race = _race.Race(__doc__)
    if race.cpython_bugs:
        ok = _race.Allowed(("A", 1), ("B", 1), ("G", 1), "TypeError")
    else:
        ok = _race.Allowed(("A", 1), ("B", 1))
    fcodes = [body_a.__code__, body_b.__code__, body_two.__code__, body_gen.__code__]
    mcodes = [mb_a.__code__, mb_b.__code__, mb_two.__code__, mb_gen.__code__]
    ncodes = 4 if race.cpython_bugs else 2
    o = C()
    bound = o.m

    def norm(v):
        if isinstance(v, types.GeneratorType):
            return next(v)
        return v

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(25000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            try:
                v = norm(f(1))
            except TypeError:
                v = "TypeError"
            check(v, ok, "f(1)")
            try:
                v = norm(o.m(1))
            except TypeError:
                v = "TypeError"
            check(v, ok, "o.m(1)")
            try:
                v = norm(bound(1))
            except TypeError:
                v = "TypeError"
            check(v, ok, "bound(1)")
            if not (i & 15):
                seen[v] = seen.get(v, 0) + 1
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(ncodes)
            with race.setter():
                if rng.randrange(2):
                    f.__code__ = fcodes[k]
                else:
                    m.__code__ = mcodes[k]
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
