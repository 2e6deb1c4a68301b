"""yield from / send() chains whose shared inner generator is passed between threads.

Attacks: SEND_GEN, FOR_ITER_GEN, LOAD_GLOBAL_MODULE
Each consumer thread drives its own delegating generator, which does
`yield from` the one shared inner generator; in strict turns, a consumer
sends each yielded value back doubled, and the inner generator checks
that it received exactly that.  Writers rebind the global MUL the inner
generator multiplies by (1 or 1.0).
Concurrent resumption of one generator crashes stock 3.13t, so the
resumptions are serialized; the race is against SEND's guards and the
generator's globals.
Invariant: the inner generator never receives anything but 2 * the
value it yielded (or None, a delegator resyncing); every index is
acknowledged exactly once overall; each delegator ends with
StopIteration carrying "inner-done" (the one that finished it) or None.
"""
import _race

MUL = 1
BAD = []


def inner(n):
    # A None sent in means "a delegator (re)joined": yield the same index
    # again.  Anything else must acknowledge the index just yielded.
    i = 0
    while i < n:
        got = yield i * MUL
        if got is None:
            continue
        if got != 2 * i:
            BAD.append((i, got))
        i += 1
    return "inner-done"


def delegate(src):
    r = yield from src
    return r


def main():
    race = _race.Race(__doc__)
    n = max(2000, int(40000 * race.scale))
    shared = inner(n)
    turns = _race.Turns(race.split()[0])
    got = {}
    ret_ok = _race.Allowed("inner-done", None)

    def consumer(t):
        check = t.check
        d = delegate(shared)
        mine = []
        burst = max(1, n // (12 * t.count)) + t.rng.randrange(20)
        started = False
        done = False
        while not done:
            with turns.take(t.index):
                try:
                    if started:
                        v = d.send(None)      # resync: the inner re-yields its index
                    else:
                        v = next(d)
                        started = True
                    for _ in range(burst):
                        mine.append(int(v))
                        v = d.send(2 * v)     # SEND through yield from
                except StopIteration as e:
                    done = True
                    check(e.value, ret_ok, "delegate's return value")
        turns.leave(t.index)
        got[t.index] = mine
        return {"items": len(mine)}

    def writer(t):
        global MUL
        rng = t.rng
        for _ in t.until_done():
            MUL = 1 if rng.randrange(2) else 1.0
            _race.dwell(rng.randrange(200))
            _race.relax()         # let a woken consumer have the core

    race.run(consumer, writer)
    race.expect(BAD[:3], [], "values received by the inner generator")
    allv = sorted(v for m in got.values() for v in m)
    race.expect(len(allv), n, "indexes acknowledged")
    race.expect(allv == list(range(n)), True, "every index exactly once")
    race.finish()


if __name__ == "__main__":
    main()
