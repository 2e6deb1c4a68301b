"""obj.__class__ reassigned between layout-compatible classes under hot loads.

Attacks: LOAD_ATTR_METHOD_WITH_VALUES, LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES,
         LOAD_ATTR_INSTANCE_VALUE, LOAD_ATTR_METHOD_NO_DICT, LOAD_ATTR_SLOT,
         CALL_TYPE_1, CALL_PY_EXACT_ARGS
Writers flip the class of shared objects between A and B (dict-based) and
between SA and SB (__slots__-based, same slots).
Invariant: o.f() is "A" or "B" (SA/SB: "SA" or "SB"); o.tag likewise;
type(o) is one of the pair; o.x (an instance value or slot never written
after setup) is always 5.
"""
import _race


class A:
    tag = "A"

    def __init__(self):
        self.x = 5

    def f(self):
        return "A"


class B:
    tag = "B"

    def __init__(self):
        self.x = 5

    def f(self):
        return "B"


class SA:
    __slots__ = ("x",)
    tag = "SA"

    def __init__(self):
        self.x = 5

    def f(self):
        return "SA"


class SB:
    __slots__ = ("x",)
    tag = "SB"

    def __init__(self):
        self.x = 5

    def f(self):
        return "SB"


def main():
    race = _race.Race(__doc__)
    dobjs = [A() for _ in range(4)]
    sobjs = [SA() for _ in range(4)]
    d_ok = _race.Allowed("A", "B")
    s_ok = _race.Allowed("SA", "SB")
    d_types = _race.Allowed(A, B)
    s_types = _race.Allowed(SA, SB)

    def reader(t):
        check, expect = t.check, t.expect
        for i in range(t.iters(25000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = dobjs[i & 3]
            check(o.f(), d_ok, "dict o.f()")
            check(o.tag, d_ok, "dict o.tag")
            check(type(o), d_types, "type(o)")
            if o.x != 5:
                expect(o.x, 5, "dict o.x")
            s = sobjs[i & 3]
            check(s.f(), s_ok, "slots s.f()")
            check(s.tag, s_ok, "slots s.tag")
            check(type(s), s_types, "type(s)")
            if s.x != 5:
                expect(s.x, 5, "slots s.x")
        return None

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            j = rng.randrange(4)
            if rng.randrange(2):
                dobjs[j].__class__ = B if rng.randrange(2) else A
            else:
                sobjs[j].__class__ = SB if rng.randrange(2) else SA
            _race.dwell(rng.randrange(400))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
