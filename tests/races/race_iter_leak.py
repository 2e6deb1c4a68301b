"""List iterators leaked to other threads in the middle of a for-loop.

Attacks: FOR_ITER_LIST
Owner threads iterate over a never-mutated list of 0..N-1 and, part-way
through, publish their live iterator; thief threads pick published
iterators and drain them with their own for-loops while the owner keeps
going.  (Concurrent next() on one list iterator may yield an element
twice in a free-threaded build; that is allowed.)
Invariant: every value anyone sees is an int in 0..N-1; each owner's
values before publication are exactly 0, 1, 2, ...; no exception.
"""
import _race

N = 2000


def main():
    race = _race.Race(__doc__)
    data = list(range(N))
    valid = range(N)
    slots = [None] * 8

    def owner(t):
        check, expect = t.check, t.expect
        seen = 0
        for r in range(t.iters(40, minimum=4)):
            it = iter(data)
            k = t.rng.randrange(N // 2)
            n = 0
            for x in it:
                if n < k:
                    if x != n:
                        expect(x, n, "owner value before publication")
                elif n == k:
                    slots[(t.index + r) & 7] = it
                else:
                    check(x, valid, "owner value after publication")
                    _race.dwell(20)     # give the thieves time to steal
                n += 1
                seen += 1
        return {"seen": seen}

    def thief(t):
        check = t.check
        seen = 0
        for i in t.until_done():
            it = slots[i & 7]
            if it is None:
                continue
            for x in it:
                check(x, valid, "thief value")
                seen += 1
        return {"seen": seen}

    race.run_roles([("owner", owner, lambda n: max(1, n - n // 2)),
                    ("writer", thief, lambda n: max(1, n // 2))])
    race.finish()


if __name__ == "__main__":
    main()
