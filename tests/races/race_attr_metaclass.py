"""Metaclass attributes (plain and data descriptors) racing class attributes.

Attacks: LOAD_ATTR_CLASS, LOAD_ATTR_CLASS_WITH_METACLASS_CHECK
For C.k, a data descriptor on the metaclass wins over C's own k, which
wins over a plain metaclass attribute.  Writers set Meta.k to "mplain",
to a property returning "mdata", or delete it, and set C.k = "cls" or
delete it.  C.j is a plain class attribute that only a metaclass data
descriptor named j (installed/removed by writers) can hide.
Invariant: C.k is "cls", "mplain", "mdata" or AttributeError; C.j is
"cj" or "mj"; never anything else.  (A writer's C.k = ... may itself
raise AttributeError while Meta.k is a read-only data descriptor.)
"""
import _race


class Meta(type):
    pass


class C(metaclass=Meta):
    k = "cls"
    j = "cj"


def main():
    race = _race.Race(__doc__)
    k_ok = _race.Allowed("cls", "mplain", "mdata", "AttributeError")
    j_ok = _race.Allowed("cj", "mj")
    mdata = property(lambda cls: "mdata")
    mj = property(lambda cls: "mj")

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            try:
                v = C.k
            except AttributeError:
                v = "AttributeError"
            check(v, k_ok, "C.k")
            check(C.j, j_ok, "C.j")
            if not (i & 31):
                seen[v] = seen.get(v, 0) + 1
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(7)
            if k == 0:
                Meta.k = "mplain"
            elif k == 1:
                Meta.k = mdata
            elif k == 2:
                try:
                    del Meta.k
                except AttributeError:
                    pass
            elif k == 3:
                try:
                    C.k = "cls"
                except AttributeError:
                    pass          # Meta.k is a data descriptor without a setter
            elif k == 4:
                try:
                    del C.k
                except AttributeError:
                    pass
            elif k == 5:
                Meta.j = mj
            else:
                try:
                    del Meta.j
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
