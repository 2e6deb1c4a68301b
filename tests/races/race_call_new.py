"""A class's __new__ replaced and deleted while the class is instantiated.

Attacks: CALL_ALLOC_AND_ENTER_INIT, CALL_BUILTIN_CLASS, CALL_PY_EXACT_ARGS
C has a Python __init__ storing ("init", v).  Writers set C.__new__ to a
staticmethod that allocates normally and tags the object ("newA"), to one
that returns a shared instance of an unrelated class D (so __init__ must
not run), or delete it (object.__new__).
Invariant: C(5) is either a C whose (made, v) is ("newA", ("init", 5)) or
(None, ("init", 5)), or the shared D instance, untouched by __init__ -
or TypeError("object.__new__() takes exactly one argument"): once a
Python __new__ was assigned, deleting it leaves CPython's tp_new slot
calling object.__new__ with the extra argument (also with the GIL).
"""
import _race


class D:
    pass


SHARED_D = D()


def new_a(cls, v):
    o = object.__new__(cls)
    o.made = "newA"
    return o


def new_other(cls, v):
    return SHARED_D


class C:
    made = None

    def __init__(self, v):
        self.v = ("init", v)


def main():
    race = _race.Race(__doc__)
    ok = _race.Allowed(("newA", ("init", 5)), (None, ("init", 5)), "D", "TypeError")
    news = [staticmethod(new_a), staticmethod(new_other)]

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            try:
                o = C(5)
            except TypeError:
                o = v = "TypeError"
            if o == "TypeError":
                pass
            elif type(o) is C:
                v = (o.made, o.v)
            elif o is SHARED_D and not hasattr(o, "v"):
                v = "D"
            else:
                v = ("unexpected", type(o).__name__, getattr(o, "v", None))
            check(v, ok, "C(5)")
            if not (i & 7):
                seen[str(v)] = seen.get(str(v), 0) + 1
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(3)
            if k < 2:
                C.__new__ = news[k]
            else:
                try:
                    del C.__new__
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
