"""Cache records retired and replaced while other threads still run them.

Attacks: LOAD_ATTR_INSTANCE_VALUE (record retirement and QSBR grace period)
Writers keep putting a property x on class A and removing it, at short
intervals; readers load x from their own instances at eight separate load
sites per iteration.  Every change makes the sites' type-version guards
miss, so the words are deoptimized (their records retired) and later
respecialized with new records, all while the other readers may be
between loading a word and reading its record.  Readers touch almost no
shared objects in the hot loop (their instances are their own, the values
are interned strings), so the threads do not synchronize by accident and
ThreadSanitizer sees a record freed under a reader as the race it is.
Invariant: every load gives "inst" or "prop".
"""
import _race

INST = "inst"
PROP = "prop"


def get_prop(self):
    return PROP


class A:
    def __init__(self):
        self.x = INST


def main():
    race = _race.Race(__doc__)
    prop = property(get_prop)
    ok = _race.Allowed(INST, PROP)
    # One instance per reader, made before the writers start (a store of x
    # fails while the property is installed).
    own = [A() for _ in range(race.threads)]

    def reader(t):
        check = t.check
        o = own[t.index]
        inst, pr = INST, PROP
        bad = None
        for i in range(t.iters(20000)):
            if not (i & 255):
                check(o.x, ok, "o.x")
                _race.relax()     # let writers in on an oversubscribed machine
            # Eight load sites: eight words, eight records to retire.
            v0 = o.x
            v1 = o.x
            v2 = o.x
            v3 = o.x
            v4 = o.x
            v5 = o.x
            v6 = o.x
            v7 = o.x
            for v in (v0, v1, v2, v3, v4, v5, v6, v7):
                if v is not inst and v is not pr:
                    bad = v
            if bad is not None:
                check(bad, ok, "o.x")
                return

    def writer(t):
        rng = t.rng
        for n in t.until_done():
            # Writers take turns by parity so the class flips often.
            if (n + t.index) & 1:
                A.x = prop
            else:
                try:
                    del A.x
                except AttributeError:
                    pass
            _race.dwell(rng.randrange(200))
        try:
            del A.x
        except AttributeError:
            pass

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
