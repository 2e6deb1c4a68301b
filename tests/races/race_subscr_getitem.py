"""A Python __getitem__ swapped, removed and shadowed under hot subscripts.

Attacks: BINARY_SUBSCR_GETITEM, BINARY_SUBSCR_DICT, CALL_PY_EXACT_ARGS
Writers set C.__getitem__ to one of two functions or to one with a
different signature (two required args: TypeError on call), and flip the
subscripted global between a C instance and a plain dict {3: "dict"}.
With --cpython-bugs they also delete C.__getitem__: stock 3.13t clears
the type's sq_item/mp_subscript slots while PySequence_GetItem, having
tested the slot, loads it again to call it (a debug build calls NULL
every few dozen runs).
Invariant: OBJ[3] is ("A", 3), ("B", 3), "dict" or TypeError; with
--cpython-bugs also AttributeError("__getitem__"): stock 3.13t removes
the method from the class dict before it clears the type slot, so a
subscript in between finds the slot but not the method.
"""
import _race


def ga(self, k):
    return ("A", k)


def gb(self, k):
    return ("B", k)


def gbad(self, k, extra):
    return "never"


class C:
    __getitem__ = ga


INST = C()
DCT = {3: "dict"}
OBJ = INST


def main():
    race = _race.Race(__doc__)
    allowed = [("A", 3), ("B", 3), "dict", "TypeError"]
    if race.cpython_bugs:
        allowed.append("AttributeError")
    ok = _race.Allowed(*allowed)

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(40000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            try:
                v = OBJ[3]
            except (TypeError, AttributeError) as e:
                v = _race.exc_name(e)
            check(v, ok, "OBJ[3]")
            if not (i & 15):
                seen[v] = seen.get(v, 0) + 1
        return seen

    def writer(t):
        global OBJ
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(6)
            if k == 3 and not race.cpython_bugs:
                k = 2
            if k == 0:
                C.__getitem__ = ga
            elif k == 1:
                C.__getitem__ = gb
            elif k == 2:
                C.__getitem__ = gbad
            elif k == 3:
                try:
                    del C.__getitem__
                except AttributeError:
                    pass
            else:
                OBJ = DCT if k == 4 else INST
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
