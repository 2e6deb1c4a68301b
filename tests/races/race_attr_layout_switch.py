"""Objects switched between inline values, split dicts and combined dicts.

Attacks: LOAD_ATTR_INSTANCE_VALUE, LOAD_ATTR_WITH_HINT
         (and STORE_ATTR_INSTANCE_VALUE, STORE_ATTR_WITH_HINT with --cpython-bugs)
Writers never change the value of o.ident or o.x, only the object's
layout: they materialize __dict__, add a non-string key (forcing a combined
dict) and remove it, add and delete attributes in varying orders (so the
class's shared split keys diverge), and put fresh inline-values objects
back into the pool.
Invariant: o.ident == its index and o.x == 10 * index, always, with the
exact int type.
With --cpython-bugs, writers also replace __dict__ by a copy and add
attributes with setattr(), and readers store the same values back
(idempotent stores must not disturb anything); stock 3.13.15t crashes
or corrupts other objects then (`o.__dict__ = ...` racing loads and
stores: a use-after-free, and CPython gh-149816), so that part is opt-in.
"""
import _race

N = 8


class P:
    def __init__(self, i):
        self.ident = i
        self.x = 10 * i


def main():
    race = _race.Race(__doc__)
    pool = [P(i) for i in range(N)]
    stores = race.cpython_bugs

    def reader(t):
        expect = t.expect
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            j = i % N
            o = pool[j]
            a = o.ident
            b = o.x
            expect((a, b), (j, 10 * j), "(o.ident, o.x)")
            if stores and i & 7 == 0:
                o.x = 10 * j
        return None

    def writer(t):
        rng = t.rng
        names = ["e%d" % k for k in range(12)]
        for _ in t.until_done():
            o = pool[rng.randrange(N)]
            k = rng.randrange(5)
            if k == 0:
                d = vars(o)
                d[7] = "int key"
                d.pop(7, None)
            elif k == 1:
                rng.shuffle(names)
                d = o.__dict__
                for n in names[: rng.randrange(1, 12)]:
                    if stores:
                        setattr(o, n, n)
                    else:
                        d[n] = n
            elif k == 2:
                for n in names:
                    o.__dict__.pop(n, None)
            elif k == 3:
                if stores:
                    o.__dict__ = dict(o.__dict__)   # replace the dict itself
                else:
                    vars(o).update(ident=o.ident)   # rewrite in place instead
            else:
                j = rng.randrange(N)
                pool[j] = P(j)          # back to a fresh inline-values object
            _race.dwell(rng.randrange(100))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
