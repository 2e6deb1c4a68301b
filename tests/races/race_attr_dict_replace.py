"""o.__dict__ contents (or, opt-in, the dict itself) replaced under hot loads.

Attacks: LOAD_ATTR_WITH_HINT, LOAD_ATTR_INSTANCE_VALUE
         (and STORE_ATTR_WITH_HINT, STORE_ATTR_INSTANCE_VALUE with --cpython-bugs)
Writers give shared objects the contents of a fresh dict drawn from three
families (x = k, tag = "t<k>", and for k = 3 forty pads, so the dict grows
and shrinks and its keys change), overwriting the object's own dict in
place.  With --cpython-bugs they instead assign `o.__dict__ = fresh`
(swapping the dict pointer), and readers also store o.z = i to an object
only they store to and read it back (i, or AttributeError after a swap).
Stock 3.13.15t crashes with memory corruption when `o.__dict__ = ...`
races attribute loads (a use-after-free; a few percent of runs) and can
corrupt other objects when it races a store (CPython gh-149816), so the
pointer swap is opt-in.
Invariant: o.x is 1, 2 or 3; o.tag is "t1", "t2" or "t3"; nothing else,
and never AttributeError.
"""
import _race


class C:
    def __init__(self):
        self.x = 1
        self.tag = "t1"


def fresh(rng):
    k = rng.randrange(1, 4)
    d = {"x": k, "tag": "t%d" % k}
    if k == 3:                      # a big combined dict with another layout
        for i in range(40):
            d["pad%d" % i] = i
    return d


def main():
    race = _race.Race(__doc__)
    nreaders = race.split()[0]
    shared = [C() for _ in range(4)]
    own = [C() for _ in range(nreaders)]
    stores = swap = race.cpython_bugs
    x_ok = _race.Allowed(1, 2, 3)
    tag_ok = _race.Allowed("t1", "t2", "t3")

    def reader(t):
        check = t.check
        mine = own[t.index]
        seen = {}
        for i in range(t.iters(30000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = shared[i & 3]
            x = o.x
            check(x, x_ok, "o.x")
            check(o.tag, tag_ok, "o.tag")
            if not stores:
                continue
            mine.z = i
            try:
                z = mine.z
            except AttributeError:
                z = i
                seen["lost"] = seen.get("lost", 0) + 1
            if z != i:
                t.expect(z, i, "own o.z read back")
        return seen

    def writer(t):
        rng = t.rng
        victims = shared + own if stores else shared
        for _ in t.until_done():
            o = victims[rng.randrange(len(victims))]
            new = fresh(rng)
            if swap:
                o.__dict__ = new
            else:
                # Same dict object, contents replaced: x and tag are
                # overwritten in place, the pads come and go (resizing it).
                d = o.__dict__
                d.update(new)
                for k in [k for k in d.copy() if k not in new]:
                    d.pop(k, None)
            _race.dwell(rng.randrange(150))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
