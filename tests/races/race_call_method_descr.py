"""Builtin method calls while the receiver switches to overriding subclasses.

Attacks: CALL_METHOD_DESCRIPTOR_O, CALL_METHOD_DESCRIPTOR_NOARGS,
         CALL_METHOD_DESCRIPTOR_FAST, CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS,
         LOAD_ATTR_METHOD_NO_DICT, LOAD_ATTR_METHOD_LAZY_DICT
Writers rebind the global RECV among a str, a str subclass and a list,
and install/remove overriding methods on the subclass (upper, count,
split, find, join).
Invariant: r.upper() (NOARGS), r.count("a") (O for list / FAST for str),
r.split("-", 1) (FAST_WITH_KEYWORDS), r.find("b") and "-".join(...)
(O) give the value precomputed for the object actually loaded, or for
the subclass, the base result or the override's ("sub", name) marker.
"""
import _race


class S(str):
    pass


class L(list):
    pass


OVERRIDES = {
    "upper": lambda self: ("sub", "upper"),
    "count": lambda self, x: ("sub", "count"),
    "split": lambda self, sep=None, maxsplit=-1: ("sub", "split"),
    "find": lambda self, x: ("sub", "find"),
    "index": lambda self, x: ("sub", "index"),
}

OBJS = ["a-b-a", S("a-b-a"), ["a", "b", "a"], L(["a", "b", "a"]), "xyz"]
RECV = OBJS[0]


def probe(r):
    out = []
    for name, call in (("upper", lambda r: r.upper()),
                       ("count", lambda r: r.count("a")),
                       ("split", lambda r: r.split("-", 1)),
                       ("find", lambda r: r.find("b")),
                       ("index", lambda r: r.index("a"))):
        try:
            out.append(call(r))
        except (AttributeError, ValueError) as e:
            out.append(type(e).__name__)
    return tuple(out)


def main():
    race = _race.Race(__doc__)
    names = ("upper", "count", "split", "find", "index")
    allowed = {}
    for o in OBJS:
        base = probe(o)
        if type(o) in (S, L):
            ok = []
            for j, n in enumerate(names):
                ok.append(_race.Allowed(base[j], ("sub", n), "AttributeError")
                          if n in OVERRIDES else _race.Allowed(base[j]))
            allowed[id(o)] = ok
        else:
            allowed[id(o)] = [_race.Allowed(v) for v in base]
    subs = (S, L)

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(15000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            r = RECV
            ok = allowed[id(r)]
            try:
                v = r.upper()
            except AttributeError as e:
                v = type(e).__name__
            check(v, ok[0], ("%r.upper()", r))
            v = r.count("a")
            check(v, ok[1], ("%r.count('a')", r))
            try:
                v = r.split("-", 1)
            except AttributeError as e:
                v = type(e).__name__
            check(v, ok[2], ("%r.split('-', 1)", r))
            try:
                v = r.find("b")
            except AttributeError as e:
                v = type(e).__name__
            check(v, ok[3], ("%r.find('b')", r))
            try:
                v = r.index("a")
            except ValueError as e:
                v = type(e).__name__
            check(v, ok[4], ("%r.index('a')", r))
            j = "-".join(("p", "q"))
            if j != "p-q":
                t.expect(j, "p-q", "'-'.join(...)")
            if not (i & 15):
                tn = type(r).__name__
                seen[tn] = seen.get(tn, 0) + 1
        return seen

    def writer(t):
        global RECV
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(3)
            if k == 0:
                RECV = OBJS[rng.randrange(len(OBJS))]
            else:
                cls = subs[rng.randrange(2)]
                n = names[rng.randrange(len(names))]
                if k == 1:
                    setattr(cls, n, OVERRIDES[n])
                else:
                    try:
                        delattr(cls, n)
                    except AttributeError:
                        pass
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
