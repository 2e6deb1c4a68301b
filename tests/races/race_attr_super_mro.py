"""super().g() cached per receiver type while writers change the methods
it finds, the MRO it walks and which classes define g.

Attacks: LOAD_SUPER_ATTR_METHOD_CACHED, LOAD_SUPER_ATTR_POLY,
         LOAD_SUPER_ATTR_METHOD
Mid.g calls super().g(); readers call it on instances of five classes
(Mid, three subclasses, and D whose bases writers flip between (Mid,) and
(Alt,)), so its site holds one cached method per receiver type, fills
(four entries) and settles on the immediate form while other threads
run the words it replaces; writers install fresh copies of Mid.g (new
words), so records keep being built, grown, retired and demoted. Writers rebind Base.g and Base2.g (the method the
cached entries name: every version below them is zeroed), give Leaf2 a
g of its own and take it away again (Leaf2's version alone), and
reassign D.__bases__ (a new MRO for D: the class operand Mid is then
not on it, and super() goes on from Alt instead).
Invariant: each call returns one of the tuples its receiver's class can
produce from the methods it has had, never a stale MRO's answer mixed
with another; for D also the TypeError or AttributeError that stock
3.13t raises when D's bases change during the call.
"""
import _race
from types import CellType, FunctionType


def base_a(self):
    return "base"


def base_b(self):
    return "base*"


def base2_a(self):
    return "base2"


def base2_b(self):
    return "base2*"


class Base:
    g = base_a


class Base2:
    g = base2_a


class Mid(Base):
    def g(self):
        return ("mid", super().g())


class Alt(Base2):
    def g(self):
        return ("alt", super().g())


class Leaf(Mid):
    def g(self):
        return ("leaf", super().g())


class Leaf2(Mid):
    pass


class Leaf3(Mid):
    pass


class D(Mid):
    pass


# Leaf2's own g: Leaf.g's code returning "leaf2", with Leaf2 in its
# __class__ cell (module level: a
# function defined in a function is not deferred-RC, and would never be
# cached), added and removed by the writers.
LEAF2_G = FunctionType(Leaf.g.__code__.replace(co_consts=tuple(
    "leaf2" if c == "leaf" else c for c in Leaf.g.__code__.co_consts)),
    globals(), "g", None, (CellType(Leaf2),))


# Copies of Mid.g, each on its own code object (its own instruction
# words), made before any thread starts: code.replace() re-interns the
# names of the tuple it shares with the original, a plain store into a
# tuple the readers' frames are reading (CPython 3.13t's race, not the
# specializer's).
MID_GS = [FunctionType(Mid.g.__code__.replace(), globals(), "g", None, Mid.g.__closure__)
          for _ in range(256)]


def main():
    race = _race.Race(__doc__)
    bases = ("base", "base*")
    mids = [("mid", b) for b in bases]
    ok = {
        Mid: _race.Allowed(*mids),
        Leaf: _race.Allowed(*[("leaf", m) for m in mids]),
        Leaf2: _race.Allowed(*mids, *[("leaf2", m) for m in mids]),
        Leaf3: _race.Allowed(*mids),
        # (a TypeError: D's bases changed between loading g and its
        # super(), which then finds the class operand off D's MRO; an
        # AttributeError: they changed between super()'s subclass check
        # and its MRO walk, stock 3.13t's own window)
        D: _race.Allowed(*mids, ("alt", "base2"), ("alt", "base2*"), "TypeError",
                         "AttributeError"),
    }
    assert LEAF2_G(Leaf2()) == ("leaf2", ("mid", "base"))

    def reader(t):
        check = t.check
        own = [Mid(), Leaf(), Leaf2(), Leaf3(), D()]
        kinds = 4
        for i in range(t.iters(40000)):
            if not (i & 127):
                _race.relax()
            if (i & 4095) in (0, 3584):
                kinds = 9 - kinds           # 4 <-> 5 receiver types
            o = own[i % kinds]
            try:
                v = o.g()
            except (TypeError, AttributeError) as e:
                v = _race.exc_name(e)
            check(v, ok[type(o)], ("%s().g()", type(o).__name__))
        return None

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            r = rng.randrange(8)
            if r == 0:
                Base.g = base_b if Base.g is base_a else base_a
            elif r == 1:
                Base2.g = base2_b if Base2.g is base2_a else base2_a
            elif r == 2:
                if "g" in Leaf2.__dict__:
                    try:
                        del Leaf2.g
                    except AttributeError:   # another writer was first
                        pass
                else:
                    Leaf2.g = LEAF2_G
            elif r == 3:
                # a new MRO for D; 3.13t serializes __bases__ stores
                # under its type lock
                D.__bases__ = (Alt,) if D.__bases__ == (Mid,) else (Mid,)
            elif r == 4:
                # another copy of Mid.g: another site, which caches again
                # (a site whose record keeps missing settles on the
                # immediate form for good)
                Mid.g = MID_GS[rng.randrange(len(MID_GS))]
            _race.dwell(rng.randrange(20000))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
