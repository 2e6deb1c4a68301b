"""Metaclass attributes (plain and data descriptors) racing class attributes.

Attacks: LOAD_ATTR_CLASS, LOAD_ATTR_CLASS_WITH_METACLASS_CHECK
For C.k, a data descriptor on the metaclass wins over C's own k, which
wins over a plain metaclass attribute.  Writers set Meta.k to "mplain",
to a property returning "mdata", or delete it, and set C.k = "cls" or
delete it.  C.j is a plain class attribute that only a metaclass data
descriptor named j (installed/removed by writers) can hide.
A second channel changes seldom (one writer step in eight), so that the
loads of E.j2 stay specialized between its changes and each change races
hot hits: writers set E.j2 to "e1" or "e2", set Meta2.j2 = "mplain2" (a
plain metaclass attribute, which E's own j2 hides), install a property
Meta2.j2 returning "mj2" for a moment, or switch E's metaclass to Meta2b
(whose j2 is a property returning "m2b") for a moment.
Invariant: C.k is "cls", "mplain", "mdata" or AttributeError; C.j is
"cj" or "mj"; E.j2 is "e1", "e2", "mj2" or "m2b" (never "mplain2": E
always has its own j2); never anything else.  (A writer's C.k = ... or
E.j2 = ... may itself raise AttributeError while the metaclass has a
read-only data descriptor of the name.)
"""
import _race


class Meta(type):
    pass


class C(metaclass=Meta):
    k = "cls"
    j = "cj"


class Meta2(type):
    pass


class Meta2b(type):
    j2 = property(lambda cls: "m2b")


class E(metaclass=Meta2):
    j2 = "e1"


def main():
    race = _race.Race(__doc__)
    k_ok = _race.Allowed("cls", "mplain", "mdata", "AttributeError")
    j_ok = _race.Allowed("cj", "mj")
    j2_ok = _race.Allowed("e1", "e2", "mj2", "m2b")
    mdata = property(lambda cls: "mdata")
    mj = property(lambda cls: "mj")
    mj2 = property(lambda cls: "mj2")

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
            v2 = E.j2
            check(v2, j2_ok, "E.j2")
            if not (i & 31):
                seen[v] = seen.get(v, 0) + 1
                seen[v2] = seen.get(v2, 0) + 1
        return seen

    def slow_change(rng):
        k = rng.randrange(5)
        if k < 2:
            try:
                E.j2 = ("e1", "e2")[k]
            except AttributeError:
                pass      # E's metaclass is Meta2b: its j2 has no setter
        elif k == 2:
            Meta2.j2 = "mplain2"
        elif k == 3:
            Meta2.j2 = mj2
            _race.dwell(rng.randrange(50))
            try:
                del Meta2.j2
            except AttributeError:
                pass      # another writer deleted it first
        else:
            E.__class__ = Meta2b
            _race.dwell(rng.randrange(50))
            E.__class__ = Meta2

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(8)
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
            elif k == 6:
                try:
                    del Meta.j
                except AttributeError:
                    pass
            else:
                slow_change(rng)
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
