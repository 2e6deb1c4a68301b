"""Module attributes rebound, deleted and padded (dict resize) under hot loads.

Attacks: LOAD_ATTR_MODULE
Writers set m.x to 1 or 2 or delete it, and add or delete dozens of other
module attributes so the module's dict resizes and its keys change.
Invariant: m.x is 1, 2 or AttributeError; m.const (never written after
setup) is always "c"; m.f() (a function defined in the module reading
its own global x) is 1, 2 or NameError.
"""
import types

import _race


def main():
    race = _race.Race(__doc__)
    m = types.ModuleType("racemod")
    exec("const = 'c'\nx = 1\ndef f():\n    return x\n", m.__dict__)
    ok = _race.Allowed(1, 2, "AttributeError")
    f_ok = _race.Allowed(1, 2, "NameError")
    pads = ["pad%d" % i for i in range(64)]

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            try:
                v = m.x
            except AttributeError:
                v = "AttributeError"
            check(v, ok, "m.x")
            seen[v] = seen.get(v, 0) + 1
            c = m.const
            if c != "c":
                expect(c, "c", "m.const")
            if not (i & 7):
                try:
                    r = m.f()
                except NameError:
                    r = "NameError"
                check(r, f_ok, "m.f()")
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(5)
            if k == 0:
                m.x = 1
            elif k == 1:
                m.x = 2
            elif k == 2:
                try:
                    del m.x
                except AttributeError:
                    pass
            elif k == 3:
                for p in pads[: rng.randrange(1, 64)]:
                    setattr(m, p, 0)
            else:
                for p in pads:
                    m.__dict__.pop(p, None)
            _race.dwell(rng.randrange(200))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
