"""A class's __init__ replaced, made invalid and deleted while it is instantiated.

Attacks: CALL_ALLOC_AND_ENTER_INIT, CALL_PY_EXACT_ARGS
Writers set C.__init__ to one of two initializers (storing ("A", v) or
("B", v)), to one that returns a non-None value (instantiation must
raise TypeError), or delete it (C(5) then raises TypeError: object's
__init__ takes no arguments). S, a __slots__ class (no inline values:
the form allocates through tp_alloc), gets the same treatment.
Invariant: C(5).v is ("A", 5) or ("B", 5), else TypeError; an instance
is always returned fully initialized (never without v).
"""
import _race


def init_a(self, v):
    self.v = ("A", v)


def init_b(self, v):
    self.v = ("B", v)


def init_bad(self, v):
    self.v = ("bad", v)
    return 1


class C:
    __init__ = init_a


class S:
    __slots__ = ("v",)
    __init__ = init_a


def main():
    race = _race.Race(__doc__)
    ok = _race.Allowed(("A", 5), ("B", 5), "TypeError")

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            cls = S if i & 1 else C
            try:
                o = cls(5)
                v = o.v
            except TypeError:
                v = "TypeError"
            except AttributeError:
                v = "unset"     # an instance returned without its slot set: wrong
            check(v, ok, "C(5).v / S(5).v")
            if not (i & 7):
                seen[v] = seen.get(v, 0) + 1
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(4)
            cls = S if rng.randrange(2) else C
            if k == 0:
                cls.__init__ = init_a
            elif k == 1:
                cls.__init__ = init_b
            elif k == 2:
                cls.__init__ = init_bad
            else:
                try:
                    del cls.__init__
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
