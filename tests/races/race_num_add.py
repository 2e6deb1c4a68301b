"""Additions whose operands switch between int, float, bool, str and subclasses.

Attacks: BINARY_OP_ADD_INT, BINARY_OP_ADD_FLOAT, BINARY_OP_ADD_UNICODE
Writers rebind the global X among small and big ints, floats, True, a
str, and instances of an int subclass and a float subclass whose __add__
they install (two versions) and delete.
Invariant: X + X and X + 1 on the object actually loaded give exactly the
precomputed result (value and type), or for the subclasses one of the
results of the installed __add__ versions or of the base type's add -
or TypeError: stock 3.13t removes __add__ from the class dict before it
resets the nb_add slot, and a + in between finds neither.
"""
import _race


class MyInt(int):
    pass


class MyFloat(float):
    pass


def add1(self, other):
    return ("add1", type(self).__name__)


def add2(self, other):
    return ("add2", type(self).__name__)


MI = MyInt(3)
MF = MyFloat(0.5)
VALUES = [3, -7, 2 ** 70, 1.5, -0.25, True, "ab", MI, MF]
X = VALUES[0]


def outcome(a, b):
    try:
        return a + b
    except TypeError:
        return "TypeError"


def main():
    race = _race.Race(__doc__)
    exact = {id(v): (outcome(v, v), outcome(v, 1)) for v in VALUES if type(v) not in (MyInt, MyFloat)}
    sub_ok = {}
    for v in (MI, MF):
        base = (outcome(v, v), outcome(v, 1))
        sub_ok[id(v)] = (
            _race.Allowed(base[0], ("add1", type(v).__name__), ("add2", type(v).__name__), "TypeError"),
            _race.Allowed(base[1], ("add1", type(v).__name__), ("add2", type(v).__name__), "TypeError"),
        )

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(15000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            x = X
            try:
                r2 = x + x
            except TypeError:
                r2 = "TypeError"
            try:
                r1 = x + 1
            except TypeError:
                r1 = "TypeError"
            e = exact.get(id(x))
            if e is not None:
                # Compared in Python for speed; expect() also runs every
                # 128th round, so a run checks values even if the writers
                # never got to publish a subclass instance (the selftest's
                # corruption must reach a check).
                if r2 != e[0] or type(r2) is not type(e[0]) or not (i & 127):
                    expect(r2, e[0], "%r + %r" % (x, x))
                if r1 != e[1] or type(r1) is not type(e[1]):
                    expect(r1, e[1], ("%r + 1", x))
            else:
                ok = sub_ok[id(x)]
                check(r2, ok[0], ("%r + itself", x))
                check(r1, ok[1], ("%r + 1", x))
            if not (i & 63):
                tn = type(x).__name__
                seen[tn] = seen.get(tn, 0) + 1
        return seen

    def writer(t):
        global X
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(16)    # type changes stop the world in 3.13t: keep them rarer
            if k >= 4 or k < 2:
                X = VALUES[rng.randrange(len(VALUES))]
            else:
                cls = MyInt if rng.randrange(2) else MyFloat
                if k == 2:
                    cls.__add__ = add1 if rng.randrange(2) else add2
                else:
                    try:
                        del cls.__add__
                    except AttributeError:
                        pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
