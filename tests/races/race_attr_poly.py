"""Polymorphic attribute and call sites: one load, one store and one call
site meet five types while writers change those types, swap a method's
code and move instances between them.

Attacks: LOAD_ATTR_POLY, STORE_ATTR_POLY, CALL_PY_POLY, LOAD_ATTR_CLASS_POLY,
         LOAD_ATTR_CLASS, CALL_PY_EXACT_ARGS,
         LOAD_ATTR_INSTANCE_VALUE,
         LOAD_ATTR_METHOD_WITH_VALUES, LOAD_ATTR_SLOT, LOAD_ATTR_METHOD_NO_DICT,
         LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES, STORE_ATTR_INSTANCE_VALUE,
         STORE_ATTR_SLOT
Readers run the same sites over objects of five classes (inline values,
a second inline-values layout, __slots__, a class-attribute x, and a
class that comes and goes in the rotation), so each site's record grows
entry by entry, fills, deopts and grows again while other threads hold
the words it replaces; the call o.f() meets a function per class, and
type(o).tag a class per class (class-attribute entries). Writers
rebind the classes' methods and tags (each zeroes one entry's type
version), swap E.f's __code__ (its function version changes: the call
record's entry for it is replaced; stores to __code__ take turns,
Race.setter), flip shared objects between the two inline-values
classes, and materialize and grow the dicts of other shared objects
(not of those whose class flips: stock 3.13t's `o.__dict__` can then
raise TypeError, its descriptor found on the old class).
Invariant: o.f() is one of the values its class's f has had; o.tag and
type(o).tag likewise; o.x is 5 (never written after setup); a store o.y = v into a
reader's own object reads back v.
"""
import _race


def fa1(self):
    return "A1"


def fa2(self):
    return "A2"


def fb1(self):
    return "B1"


def fb2(self):
    return "B2"


class A:
    tag = "A"
    f = fa1

    def __init__(self):
        self.x = 5
        self.y = 0


class B:
    tag = "B"
    f = fb1

    def __init__(self):
        self.w = 1      # another layout of the shared keys
        self.x = 5
        self.y = 0


class S:
    __slots__ = ("x", "y")
    tag = "S"

    def __init__(self):
        self.x = 5
        self.y = 0

    def f(self):
        return "S"


class K:
    x = 5               # a class attribute, never on the instance
    tag = "K"

    def __init__(self):
        self.y = 0

    def f(self):
        return "K"


def fe(self):
    return "E"


def fe2(self):
    return "E2"


E_CODES = (fe.__code__, fe2.__code__)


class E:
    tag = "E"
    f = fe

    def __init__(self):
        self.x = 5
        self.y = 0


def main():
    race = _race.Race(__doc__)
    shared = [A(), B(), A(), B()]   # [0], [1]: class flipped; [2], [3]: dict grown
    f_ok = _race.Allowed("A1", "A2", "B1", "B2", "S", "K", "E", "E2")
    tag_ok = _race.Allowed("A", "B", "S", "K", "E", "a", "b")

    def reader(t):
        check, expect = t.check, t.expect
        own = [A(), B(), S(), K(), E()]
        # the rotation: four types, and now and then briefly the fifth
        # (the full record misses, deopts and grows again)
        kinds = 5                           # 4 from i = 0, 5 from 7680
        for i in range(t.iters(40000)):
            if not (i & 127):
                _race.relax()
            if (i & 8191) in (0, 7680):
                kinds = 9 - kinds           # 4 <-> 5 types
            # the polymorphic sites: the reader's own objects
            o = own[i % kinds]
            check(o.f(), f_ok, "o.f()")
            check(o.tag, tag_ok, "o.tag")
            check(type(o).tag, tag_ok, "type(o).tag")
            if o.x != 5:
                expect(o.x, 5, "o.x")
            o.y = i
            if o.y != i:
                expect(o.y, i, "o.y after o.y = i")
            if not (i & 7):
                # other sites: shared objects, whose class and dict writers change
                s = shared[i & 3]
                check(s.f(), f_ok, "shared s.f()")
                check(s.tag, tag_ok, "shared s.tag")
                if s.x != 5:
                    expect(s.x, 5, "shared s.x")
        return None

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            r = rng.randrange(12)
            if r == 0:
                A.f = fa2 if A.f is fa1 else fa1
            elif r == 1:
                B.f = fb2 if B.f is fb1 else fb1
            elif r == 2:
                A.tag = "a" if A.tag == "A" else "A"
            elif r == 3:
                shared[rng.randrange(2)].__class__ = B if rng.randrange(2) else A
            elif r == 4 and rng.randrange(4) == 0:
                o = shared[2 + rng.randrange(2)]
                d = o.__dict__                  # materialize the dict
                d["extra"] = rng.randrange(9)   # and grow it past the shared keys
            elif r == 5:
                B.tag = "b" if B.tag == "B" else "B"
            elif r == 6:
                with race.setter():
                    fe.__code__ = E_CODES[rng.randrange(2)]
            _race.dwell(rng.randrange(1000))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
