"""Generators claimed without a compare-and-swap while other threads take references.

Attacks: FOR_ITER_GEN, SEND_GEN
Their claim of a generator that only the stack references, a plain
store instead of a compare-and-swap (eval.gens_unshared). Owner threads
iterate fresh generators with `for` and `yield from`, so that while one
runs its one reference is the owner's stack slot. Each owner also
publishes some of its generators, half-consumed, in a shared list and
takes them back, so their counts move between "only the stack" and
"another thread may hold one". Spy threads keep taking references: from
the shared list (a lock-free read of its items, whose try-increment can
race with the owner's removal), and now and then from gc.get_objects()
(a stop-the-world walk that hands out references to generators that
only a stack held); they read gi_running and gi_suspended and drop the
reference, sometimes after holding it across several resumptions. Only
owners resume generators (stock 3.13t crashes when two threads resume
one generator at once).
Invariant: every generator yields exactly 0..n-1 in order to its owner
(also across a publication), a delegating generator returns its inner
generator's sum, and gi_running and gi_suspended read from any thread
are bools.
"""
import gc

import _race

SHARED = []          # generators an owner has published (spies read it)
LOOKS = [0]          # how many published generators spies have looked at


def counter(n):
    """0..n-1, returning their sum (a `for` loop ignores it, `yield from`
    hands it to the delegating generator)."""
    s = 0
    i = 0
    while i < n:
        yield i
        s += i
        i += 1
    return s


def delegate(n):
    return (yield from counter(n))


GEN_TYPE = type(counter(0))
CODES = (counter.__code__,)


def main():
    race = _race.Race(__doc__)
    bools = _race.Allowed(True, False)

    def owner(t):
        check, expect, rng = t.check, t.expect, t.rng
        rounds = t.iters(12000)
        published = 0
        for _ in range(rounds):
            n = 20 + rng.randrange(40)
            # the one reference is the loop's stack slot
            k = 0
            for v in counter(n):
                if v != k:
                    expect(v, k, "value of a fresh generator")
                k += 1
            expect(k, n, "length of a fresh generator")
            # yield from: the inner generator's one reference is the
            # delegating frame's stack
            out = []
            d = delegate(n)
            try:
                while True:
                    out.append(d.send(None))
            except StopIteration as e:
                expect(e.value, n * (n - 1) // 2, "delegate's return")
            if out != list(range(n)):
                expect(out, list(range(n)), "values through yield from")
            # published half-way, then taken back and finished: the
            # claims of the second half are plain or not depending on
            # whether a spy still holds a reference at each resumption
            if rng.randrange(3) == 0:
                box = [counter(n)]
                first = []
                for v in box[0]:           # the box holds one too
                    first.append(v)
                    if len(first) == n // 2:
                        break
                before = LOOKS[0]
                SHARED.append(box[0])
                # wait (a little) for a spy to take a reference to it
                for _ in range(40):
                    if LOOKS[0] != before:
                        break
                    _race.dwell(200 + rng.randrange(400))
                try:
                    SHARED.remove(box[0])
                except ValueError:
                    t.fail("a published generator vanished from SHARED")
                rest = []
                for v in box.pop():        # now only the stack, and spies
                    rest.append(v)
                if first + rest != list(range(n)):
                    expect(first + rest, list(range(n)), "values of a published generator")
                published += 1
        return {"rounds": rounds, "published": published}

    def spy(t):
        check, rng = t.check, t.rng
        held = []
        seen = 0
        walks = 0
        for i in t.until_done():
            items = SHARED[:]          # lock-free reads of the list's items
            for g in items:
                check(g.gi_running, bools, "gi_running of a published generator")
                check(g.gi_suspended, bools, "gi_suspended of a published generator")
                seen += 1
                LOOKS[0] += 1
            if items and rng.randrange(4) == 0:
                held.append(items[0])  # keep one across resumptions
            if len(held) > 3 or (held and rng.randrange(3) == 0):
                held.pop(0)
            if i % 16 == 15:
                walks += 1
                for o in gc.get_objects():
                    if type(o) is GEN_TYPE and o.gi_code in CODES:
                        check(o.gi_running, bools, "gi_running of a walked generator")
                        if rng.randrange(8) == 0:
                            held.append(o)
                o = None
            _race.relax()
        held.clear()
        return {"seen": seen, "walks": walks}

    race.run(owner, spy)
    race.finish()


if __name__ == "__main__":
    main()
