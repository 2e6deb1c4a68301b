"""super() whose __class__ cell is swapped to other classes mid-loop.

Attacks: LOAD_SUPER_ATTR_METHOD, LOAD_SUPER_ATTR_ATTR
Leaf.g and Leaf.t use zero-argument super(); writers set the shared
__class__ cell of Leaf's methods to Leaf, Mid, Base or an unrelated class.
Invariant: super().g() gives "mid" (cell Leaf), "base" (cell Mid),
AttributeError (cell Base: object has no g) or TypeError (unrelated
class); super().tag likewise gives "mid-tag", "base-tag", AttributeError
or TypeError.  Nothing else.
"""
import _race


class Base:
    tag = "base-tag"

    def g(self):
        return "base"


class Mid(Base):
    tag = "mid-tag"

    def g(self):
        return "mid"


class Leaf(Mid):
    def g(self):
        return super().g()

    def t(self):
        return super().tag


class Unrelated:
    pass


def main():
    race = _race.Race(__doc__)
    objs = [Leaf() for _ in range(4)]
    g_ok = _race.Allowed("mid", "base", "AttributeError", "TypeError")
    t_ok = _race.Allowed("mid-tag", "base-tag", "AttributeError", "TypeError")
    cell = Leaf.g.__closure__[0]
    assert cell is Leaf.t.__closure__[0]
    targets = [Leaf, Leaf, Mid, Mid, Base, Unrelated]

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(25000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = objs[i & 3]
            try:
                v = o.g()
            except (AttributeError, TypeError) as e:
                v = _race.exc_name(e)
            check(v, g_ok, "super().g()")
            seen[v] = seen.get(v, 0) + 1
            try:
                v = o.t()
            except (AttributeError, TypeError) as e:
                v = _race.exc_name(e)
            check(v, t_ok, "super().tag")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            # CPython 3.13t's cell_contents setter swaps the reference with
            # no lock: two writers at once both release the old class.
            with race.setter():
                cell.cell_contents = targets[rng.randrange(len(targets))]
            _race.dwell(rng.randrange(300))
        with race.setter():
            cell.cell_contents = Leaf

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
