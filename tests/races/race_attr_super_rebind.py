"""The global name `super` rebound to a fake and back, and Mid.g rebound.

Attacks: LOAD_SUPER_ATTR_METHOD, LOAD_SUPER_ATTR_ATTR, LOAD_GLOBAL_BUILTIN
The specialized super instructions rely on the global `super` being the
builtin type.  Writers set this module's global `super` to a fake whose
result answers "fake" (and delete it again, so the builtin shows through)
and rebind Mid.g between two functions and Mid.tag between two strings.
Invariant: super().g() is "mid1", "mid2" or "fake"; super().tag is
"tag1", "tag2" or "fake-tag".
"""
import _race


class Base:
    tag = "base-tag"

    def g(self):
        return "base"


def mid1(self):
    return "mid1"


def mid2(self):
    return "mid2"


class Mid(Base):
    tag = "tag1"
    g = mid1


class Leaf(Mid):
    def g(self):
        return super().g()

    def t(self):
        return super().tag


class FakeProxy:
    tag = "fake-tag"

    def g(self):
        return "fake"


def fake_super(*args):
    return FakeProxy()


def main():
    race = _race.Race(__doc__)
    objs = [Leaf() for _ in range(4)]
    g_ok = _race.Allowed("mid1", "mid2", "fake")
    t_ok = _race.Allowed("tag1", "tag2", "fake-tag")
    mod = globals()

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(25000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = objs[i & 3]
            v = o.g()
            check(v, g_ok, "super().g()")
            seen[v] = seen.get(v, 0) + 1
            check(o.t(), t_ok, "super().tag")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(5)
            if k == 0:
                mod["super"] = fake_super
            elif k == 1:
                mod.pop("super", None)
            elif k == 2:
                Mid.g = mid1 if rng.randrange(2) else mid2
            elif k == 3:
                Mid.tag = "tag1"
            else:
                Mid.tag = "tag2"
            _race.dwell(rng.randrange(300))
        mod.pop("super", None)

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
