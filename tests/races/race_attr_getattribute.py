"""__getattribute__ installed on and removed from a class under hot loads.

Attacks: LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN, LOAD_ATTR_INSTANCE_VALUE,
         LOAD_ATTR_METHOD_WITH_VALUES
Writers install C.__getattribute__ = hook_g (answers "G" for x, defers
otherwise), hook_h (answers "H" for x) or hook_raise (raises KeyError
for x), or delete it; they swap hook_g's __code__ between two bodies
(answering "G" or "G2"); and they do the same to D, whose __getattr__
(answers "miss") is never removed.
Writers take turns for each __code__ store (Race.setter: stock 3.13t's
setter is unsafe against itself; --cpython-bugs lets them collide);
readers race every store.
Invariant: o.x is 1 (instance value), "G", "G2", "H" or KeyError; o.y
(never hooked) is always 2; o.m() is always "m"; d.nope is always
"miss": with __getattr__ present an AttributeError of any
__getattribute__ must reach it (a form that calls __getattribute__
directly would skip it).
"""
import _race


def hook_g(self, name):
    if name == "x":
        return "G"
    return object.__getattribute__(self, name)


def _g_body(self, name):
    if name == "x":
        return "G"
    return object.__getattribute__(self, name)


def _g2_body(self, name):
    if name == "x":
        return "G2"
    return object.__getattribute__(self, name)


def hook_h(self, name):
    if name == "x":
        return "H"
    return object.__getattribute__(self, name)


def hook_raise(self, name):
    if name == "x":
        raise KeyError(name)
    return object.__getattribute__(self, name)


def fallback(self, name):
    return "miss"


class C:
    def __init__(self):
        self.x = 1
        self.y = 2

    def m(self):
        return "m"


class D(C):
    __getattr__ = fallback


def main():
    race = _race.Race(__doc__)
    objs = [C() for _ in range(4)]
    dobjs = [D() for _ in range(4)]
    ok = _race.Allowed(1, "G", "G2", "H", "KeyError")
    hooks = [hook_g, hook_h, hook_raise]
    codes = [_g_body.__code__, _g2_body.__code__]

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(25000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = objs[i & 3]
            try:
                v = o.x
            except KeyError:
                v = "KeyError"
            check(v, ok, "o.x")
            seen[v] = seen.get(v, 0) + 1
            y = o.y
            if y != 2:
                expect(y, 2, "o.y")
            r = o.m()
            if r != "m":
                expect(r, "m", "o.m()")
            try:
                n = dobjs[i & 3].nope
            except KeyError:
                n = "KeyError"
            except AttributeError:
                n = "AttributeError"
            if n != "miss":
                expect(n, "miss", "d.nope")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(5)
            cls = C if rng.randrange(2) else D
            if k < 3:
                cls.__getattribute__ = hooks[k]
            elif k == 3:
                try:
                    del cls.__getattribute__
                except AttributeError:
                    pass
            else:
                with race.setter():
                    hook_g.__code__ = codes[rng.randrange(2)]
            _race.dwell(rng.randrange(400))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
