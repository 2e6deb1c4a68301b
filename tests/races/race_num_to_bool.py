"""Truth tests on values that switch type, and classes that gain __bool__.

Attacks: TO_BOOL_BOOL, TO_BOOL_INT, TO_BOOL_LIST, TO_BOOL_NONE, TO_BOOL_STR,
         TO_BOOL_ALWAYS_TRUE, TO_BOOL_MIXED
Writers rebind the global V among True, False, 0, 7, 2**80, [], [1],
None, "", "x", 0.0, 1.5, (), (0,), an instance of a plain class (always
true), an int subclass instance, and a shared list and a shared dict they
clear and fill; and they install and delete __bool__ on the plain class
and on the int subclass. The site's values change kind, so it deopts and
takes TO_BOOL_MIXED, with or without the plain class's version.
Invariant: `if v:` on the object actually loaded gives its precomputed
truth value; for the plain class True or the installed __bool__'s
False; for the int subclass its int truth (True) or False; for the
mutated list and dict True or False.  `not v` agrees with `if v`.
"""
import _race


class Plain:
    pass


class BInt(int):
    pass


def falsy(self):
    return False


P = Plain()
B = BInt(9)
SHARED = [1]
SHARED_D = {1: 1}
VALUES = [True, False, 0, 7, 2 ** 80, [], [1], None, "", "x", 0.0, 1.5, (), (0,), P, B,
          SHARED, SHARED_D]
V = VALUES[0]


def main():
    race = _race.Race(__doc__)
    either = {id(P), id(B), id(SHARED), id(SHARED_D)}
    exact = {id(v): bool(v) for v in VALUES if id(v) not in either}
    bool_ok = _race.Allowed(True, False)

    def reader(t):
        check, expect = t.check, t.expect
        seen = {}
        for i in range(t.iters(50000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            v = V
            if v:
                r = True
            else:
                r = False
            n = not v
            if id(v) in either:
                # truth may change between the two tests (a writer installs
                # __bool__ or fills the list): only the types are fixed
                check(n, bool_ok, "not v")
            else:
                e = exact[id(v)]
                if r is not e:
                    expect(r, e, "truth of %r" % (v,))
                if n is e:
                    expect(n, not e, "not %r" % (v,))
            if not (i & 63):
                tn = type(v).__name__
                seen[tn] = seen.get(tn, 0) + 1
        return seen

    def writer(t):
        global V
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(6)
            if k < 2:
                V = VALUES[rng.randrange(len(VALUES))]
            elif k == 2:
                (Plain if rng.randrange(2) else BInt).__bool__ = falsy
            elif k == 3:
                try:
                    del (Plain if rng.randrange(2) else BInt).__bool__
                except AttributeError:
                    pass
            elif k == 4:
                SHARED.clear()
                if rng.randrange(2):
                    SHARED_D.clear()
                else:
                    SHARED_D[rng.randrange(4)] = 1
            elif len(SHARED) < 8:
                SHARED.append(1)
            else:
                try:
                    SHARED.pop()
                except IndexError:
                    pass    # another writer cleared it after the length check
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
