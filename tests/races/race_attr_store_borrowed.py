"""Stores through a local owner, racing other stores, with finalizers.

Attacks: STORE_ATTR_INSTANCE_VALUE, STORE_ATTR_SLOT, STORE_ATTR_POLY
`o.v = x` with `o` a local runs on the owner borrowed from the local
(docs/specializer.md, "Borrowed owners"). Writers store into two shared
instances (inline values and a slot) through locals, so their lock-free
attempts meet each other's locks (a contended store misses and must give
the borrowed owner its reference back); every fourth value is a Fin whose
__del__ runs when another store replaces it, on whichever thread made
that store, and which rebinds that thread's local owner through
f_locals. Readers load both attributes.
Invariant: readers see only pool values or Fins; after the race, once
both attributes are cleared, every pool object has exactly the reference
count it had before, every Fin made has been finalized once, and both
shared instances have their counts of before.
"""
import sys

import _race

POOL = 32


class Box:
    __slots__ = ("tag",)

    def __init__(self, tag):
        self.tag = tag


class Fin:
    freed = []   # list.append takes the list's lock

    def __del__(self):
        Fin.freed.append(1)
        # Rebind the storing frame's local owner (what a borrowed owner
        # must survive); the shared instances stay referenced by globals.
        f = sys._getframe(1)
        if "o" in f.f_locals:
            f.f_locals["o"] = f.f_locals.get("spare", None)


class Values:
    def __init__(self):
        self.v = None


class Slotted:
    __slots__ = ("v",)

    def __init__(self):
        self.v = None


SHARED = [Values(), Slotted()]


def main():
    race = _race.Race(__doc__)
    pool = [Box(k) for k in range(POOL)]
    tags = _race.Allowed("Box", "Fin", "NoneType")
    before = [sys.getrefcount(b) for b in pool]
    shared_before = [sys.getrefcount(s) for s in SHARED]
    made = []

    def reader(t):
        check = t.check
        a, b = SHARED
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()
            check(type(a.v).__name__, tags, "type(values.v)")
            check(type(b.v).__name__, tags, "type(slotted.v)")

    def writer(t):
        n = 0
        off = t.index * 5
        for i in t.until_done(limit=400000):
            spare = SHARED[i & 1]
            o = spare
            if i & 3 == 3:
                n += 1
                o.v = Fin()
            else:
                o.v = pool[(i + off) & (POOL - 1)]
            o = SHARED[(i >> 1) & 1]
            o.v = pool[(i + 3) & (POOL - 1)]
        made.append(n)

    race.run(reader, writer)
    SHARED[0].v = None
    SHARED[1].v = None
    after = [sys.getrefcount(b) for b in pool]
    for k in range(POOL):
        if after[k] != before[k]:
            race.expect(after[k], before[k], ("refcount of pool[%d] after the race", k))
            break
    race.expect([sys.getrefcount(s) for s in SHARED], shared_before, "refcounts of the shared instances")
    race.expect(len(Fin.freed), sum(made), "Fins finalized")
    race.finish()


if __name__ == "__main__":
    main()
