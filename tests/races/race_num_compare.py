"""Comparisons whose operands switch between int, float, str and subclasses.

Attacks: COMPARE_OP_INT, COMPARE_OP_FLOAT, COMPARE_OP_STR, COMPARE_OP_NUMERIC, TO_BOOL_BOOL
Writers rebind the global PAIR among int pairs (small, big), float pairs
(with a NaN), str pairs, mixed int/float, bool/int, and pairs holding an
int subclass and a str subclass whose __eq__ and __lt__ they install
(returning non-bool markers) and delete.
Invariant: a == b, a < b and a != b for the pair actually loaded are
exactly the precomputed results; for subclass pairs, the base result or
an installed method's marker (__ne__ falls back to "not __eq__").
"""
import _race


class EInt(int):
    pass


class EStr(str):
    pass


def eq_marker(self, other):
    return "eq-marker"


def lt_marker(self, other):
    return "lt-marker"


NAN = float("nan")
EI = EInt(5)
ES = EStr("abc")
PAIRS = [(1, 2), (2, 2), (-3, 2 ** 70), (2 ** 70, 2 ** 70), (1.5, 2.5), (NAN, NAN),
         (2.0, 2.0), ("abc", "abd"), ("x", "x"), (3, 3.0), (True, 1), (EI, 5), (ES, "abc")]
PAIR = PAIRS[0]


def results(a, b):
    return (a == b, a < b, a != b)


def main():
    race = _race.Race(__doc__)
    exp = {id(p): results(*p) for p in PAIRS}
    subs = {id(PAIRS[-2]), id(PAIRS[-1])}
    sub_ok = {}
    for p in (PAIRS[-2], PAIRS[-1]):
        e = exp[id(p)]
        # a != b with a Python __eq__ installed is `not a.__eq__(b)`, which
        # for the (truthy) marker string is False.
        sub_ok[id(p)] = (_race.Allowed(e[0], "eq-marker"),
                         _race.Allowed(e[1], "lt-marker"),
                         _race.Allowed(e[2], False))

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(40000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            p = PAIR
            a, b = p
            r = (a == b, a < b, a != b)
            if id(p) in subs:
                ok = sub_ok[id(p)]
                check(r[0], ok[0], ("%r == %r",) + p)
                check(r[1], ok[1], ("%r < %r",) + p)
                check(r[2], ok[2], ("%r != %r",) + p)
            elif r != exp[id(p)] or not (i & 63):
                # every mismatch, and a sample of the matches: the harness
                # must see values even in a run whose writers never got to
                # a subclass pair (its self-test corrupts the first one)
                expect(r, exp[id(p)], "(==, <, !=) of %r" % (p,))
            if not (i & 63):
                tn = type(a).__name__
                seen[tn] = seen.get(tn, 0) + 1
        return seen

    def writer(t):
        global PAIR
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(4)
            if k < 2:
                PAIR = PAIRS[rng.randrange(len(PAIRS))]
            else:
                cls = EInt if rng.randrange(2) else EStr
                name = "__eq__" if rng.randrange(2) else "__lt__"
                if k == 2:
                    setattr(cls, name, eq_marker if name == "__eq__" else lt_marker)
                else:
                    try:
                        delattr(cls, name)
                    except AttributeError:
                        pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
