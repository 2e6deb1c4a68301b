"""Stores through a property while the class's property is swapped.

Attacks: STORE_ATTR's generic path on a property (no form: CPython 3.13
has none), and the chooser that makes such a property immortal once
threads exist (sigil_spec.c, "Property setters"): its stop of the world,
its checks of what the property holds, and its cap, while writers put
new property objects on the class, replace the property, delete it or
put a read-only one there.
Readers store their own counter through `o.p` on an instance only they
use. Invariant: each store ran exactly one of the setters with the value
stored (o._a or o._b holds it), or, with no property on the class, went
to the instance's own dict, or raised AttributeError from a property
without a setter; and what `o.p` reads back is one of these, the plain
class value, or nothing at all.
"""
import _race


def get_a(self):
    return self._a


def set_a(self, v):
    self._a = v


def get_b(self):
    return self._b


def set_b(self, v):
    self._b = v


class Base:
    pass


class C(Base):
    p = property(get_a, set_a)

    def __init__(self):
        self._a = -1
        self._b = -1


def main():
    race = _race.Race(__doc__)
    fixed = [property(get_a, set_a), property(get_b, set_b), property(get_a)]

    def reader(t):
        check = t.check
        o = C()
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            try:
                o.p = i
                how = ("a" if o._a == i else "b" if o._b == i
                       else "dict" if o.__dict__.get("p") == i else "lost")
            except AttributeError:
                how = "read-only"
            check(how, _race.Allowed("a", "b", "dict", "read-only"), "store through o.p")
            seen[how] = seen.get(how, 0) + 1
            try:
                v = o.p
            except AttributeError:
                v = None    # no property, no plain value, nothing in o's dict yet
            check(v is None or v == "plain" or v in (o._a, o._b, o.__dict__.get("p")),
                  _race.Allowed(True), "o.p read back")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(6)
            if k < 3:
                C.p = fixed[k]
            elif k == 3:
                C.p = property(get_a, set_a) if rng.randrange(2) else property(get_b, set_b)
            elif k == 4:
                try:
                    del C.p
                except AttributeError:
                    pass
            else:
                C.p = "plain"
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
