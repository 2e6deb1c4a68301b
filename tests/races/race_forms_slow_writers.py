"""Rare changes under hot specialized words: properties, lazy dicts, defaults.

Attacks: LOAD_ATTR_PROPERTY, LOAD_ATTR_METHOD_LAZY_DICT, CALL_PY_WITH_DEFAULTS,
         LOAD_ATTR_CLASS, LOAD_ATTR_NONDESCRIPTOR_NO_DICT, STORE_ATTR_WITH_HINT,
         LOAD_ATTR_WITH_HINT
The other scripts change things so often that these words spend most of
their time deoptimized; here writers change them rarely (long dwells), so
readers run the specialized forms when a change lands.  Writers swap
P.p between property(get_a) and property(get_b) (both module-level,
deferred-RC getters), give a pool Exception instance an instance
attribute `m` (creating its lazy dict) or replace it by a fresh one,
publish a fresh function F (one code object, defaults (10,)) or set
F.__defaults__ to (20,) or (30,) (one-item tuples only: stock 3.13t
reads the defaults twice, see README), and flip S.k (a __slots__ class)
between two strings.  Each reader stores to and reads back an attribute
of its own object, whose attributes live in a (combined) dict; writers
add and delete up to 40 other attributes on those objects (resizing the
dict under the stores).
Invariant: p.p is "A" or 42; e.m() is "cls" or "inst"; F(1) is one of
(1, 10), (1, 20), (1, 30); S.k and s.k are "k1" or "k2"; a reader's own
o.v reads back what it stored, and holds its last store at the end.
"""
import _race


def get_a(self):
    return "A"


def get_b(self):
    return self.v * 2


class P:
    p = property(get_a)

    def __init__(self):
        self.v = 21


class E(Exception):
    def m(self):
        return "cls"


def inst():
    return "inst"


def make_f():
    # A fresh function each time, made by MAKE_FUNCTION from one code
    # object, so every one carries that code's version (functions made by
    # types.FunctionType have none); its defaults are a constant tuple.
    def f(a, b=10):
        return (a, b)
    return f


F = make_f()


class S:
    __slots__ = ("x",)
    k = "k1"


class D:
    pass


def with_dict():
    # Past the type's shared keys: the attributes move to a combined dict.
    o = D()
    for k in range(40):
        setattr(o, "a%d" % k, k)
    o.v = -1
    return o


def main():
    global F
    race = _race.Race(__doc__)
    props = [property(get_a), property(get_b)]
    pobjs = [P() for _ in range(4)]
    pool = [E() for _ in range(4)]
    sobj = S()
    p_ok = _race.Allowed("A", 42)
    m_ok = _race.Allowed("cls", "inst")
    f_ok = _race.Allowed((1, 10), (1, 20), (1, 30))
    k_ok = _race.Allowed("k1", "k2")
    nreaders = race.split()[0]
    own = [None] * nreaders
    last = [None] * nreaders

    def reader(t):
        check = t.check
        seen = {}
        # Made by the reader itself: it owns the object and its dict (a
        # thread's try-incref of another thread's unshared dict fails,
        # which would keep the hinted forms on their generic path).
        mine = own[t.index] = with_dict()
        n = t.iters(40000)
        for i in range(n):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            v = pobjs[i & 3].p
            check(v, p_ok, "p.p")
            w = pool[i & 3].m()
            check(w, m_ok, "e.m()")
            r = F(1)
            check(r, f_ok, "F(1)")
            check(S.k, k_ok, "S.k")
            check(sobj.k, k_ok, "s.k")
            mine.v = i
            got = mine.v
            if got != i:
                t.expect(got, i, "own o.v read back")
            if not (i & 15):
                key = (v, w, r[1])
                seen[key] = seen.get(key, 0) + 1
        last[t.index] = n - 1
        return seen

    def writer(t):
        global F
        rng = t.rng
        for _ in t.until_done():
            o = own[rng.randrange(len(own))]
            for _ in range(rng.randrange(20) if o is not None else 0):
                name = "pad%d" % rng.randrange(40)
                if rng.randrange(2):
                    setattr(o, name, 0)
                else:
                    try:
                        delattr(o, name)
                    except AttributeError:
                        pass
            k = rng.randrange(5)
            if k == 0:
                P.p = props[rng.randrange(2)]
            elif k == 1:
                j = rng.randrange(4)
                if rng.randrange(4) == 0:   # rarely: most pool objects stay dict-less
                    pool[j].m = inst
                else:
                    pool[j] = E()
            elif k == 2:
                F = make_f()
            elif k == 3:
                F.__defaults__ = ((20,), (30,))[rng.randrange(2)]
            else:
                S.k = ("k1", "k2")[rng.randrange(2)]
            _race.dwell(2000 + rng.randrange(6000))

    race.run(reader, writer)
    for i, o in enumerate(own):
        race.expect(o.v, last[i], "own[%d].v at the end" % i)
    race.finish()


if __name__ == "__main__":
    main()
