"""One generator handed from thread to thread while its globals are rebound.

Attacks: FOR_ITER_GEN, LOAD_GLOBAL_MODULE, BINARY_OP_ADD_INT
Consumer threads take strict turns (round-robin) running a for-loop over one
shared generator for a burst of items, then break out and pass it on, so
its frame is resumed by many threads; writers meanwhile rebind the
global TAG it reads between "x" and "y" and the global STEP between 0
and 0.0 (the generator adds it to its counter).
Stock 3.13t crashes if two threads resume one generator at the same
time (gi_frame_state is not checked atomically), so the resumptions are
serialized here; the race is against the guards inside the generator.
Invariant: across all consumers every index 0..N-1 is seen exactly once,
each consumer sees increasing indexes, TAG is "x" or "y" and every
index is an int equal in value to its position.
"""
import _race

TAG = "x"
STEP = 0


def produce(n):
    i = 0
    while i < n:
        yield (i, TAG)
        i = i + 1 + STEP


def main():
    race = _race.Race(__doc__)
    n = max(2000, int(60000 * race.scale))
    g = produce(n)
    turns = _race.Turns(race.split()[0])
    tag_ok = _race.Allowed("x", "y")
    got = {}

    def consumer(t):
        check, expect = t.check, t.expect
        mine = []
        burst = max(1, n // (12 * t.count)) + t.rng.randrange(20)
        finished = False
        while not finished:
            with turns.take(t.index):
                k = 0
                finished = True
                for item in g:
                    idx, tag = item
                    check(tag, tag_ok, "TAG seen by the generator")
                    if idx != int(idx) or (mine and idx <= mine[-1]):
                        expect(idx, (mine[-1] + 1) if mine else 0, "index order")
                    mine.append(idx)
                    k += 1
                    if k == burst:
                        finished = False
                        break
        turns.leave(t.index)
        got[t.index] = mine
        return {"items": len(mine)}

    def writer(t):
        global TAG, STEP
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(4)
            if k == 0:
                TAG = "x"
            elif k == 1:
                TAG = "y"
            elif k == 2:
                STEP = 0
            else:
                STEP = 0.0
            _race.dwell(rng.randrange(200))
            _race.relax()         # let a woken consumer have the core

    race.run(consumer, writer)
    allv = sorted(int(v) for m in got.values() for v in m)
    race.expect(len(allv), n, "items consumed")
    race.expect(allv == list(range(n)), True, "every index exactly once")
    race.finish()


if __name__ == "__main__":
    main()
