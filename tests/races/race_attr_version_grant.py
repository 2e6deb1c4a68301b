"""Classes changed thousands of times, granted new versions under hot loads.

Attacks: LOAD_ATTR_METHOD_WITH_VALUES, LOAD_ATTR_CLASS,
         LOAD_ATTR_INSTANCE_VALUE and the type-version grant of the chooser
         (sigil_type_version: a class out of CPython's 1000 versions gets 256
         more under the type lock while other threads assign versions)
Writers keep assigning a class attribute on the shared base class (and
now and then add and delete one on a subclass), so the base and its
subclasses use up their versions again and again. Readers call a method
that reads that attribute and an instance attribute, through instances of
the subclasses, and read the attribute on the class itself.
Invariant: every read is a value some writer stored (or the initial one),
every method result agrees with that, and in a Sigil mode the classes were
granted versions at least once (the grant really ran under the race).
"""
import _race


class Base:
    level = 0

    def __init__(self, tag):
        self.tag = tag

    def get(self):
        return self.level + self.tag


class A(Base):
    pass


class B(Base):
    pass


LEVELS = frozenset(range(0, 64))


def main():
    race = _race.Race(__doc__)
    try:
        import sigil
    except ImportError:
        sigil = None    # the stock interpreter: no grants to check
    sigil_on = sigil is not None and sigil.info().get("mode") != "off"
    if sigil_on:
        sigil.reset_stats()
    level_ok = _race.Allowed(*sorted(LEVELS))
    got_ok = _race.Allowed(*sorted(x + t for x in LEVELS for t in (1, 2)))

    def reader(t):
        check = t.check
        objs = [A(1), B(2)]
        for i in range(t.iters(40000)):
            if not (i & 255):
                _race.relax()
            o = objs[i & 1]
            check(o.get(), got_ok, "o.get()")
            check(o.level, level_ok, "o.level")
            check(Base.level, level_ok, "Base.level")
        return None

    def writer(t):
        rng = t.rng
        extra = "extra%d" % t.index     # a name of this writer's own
        for n in t.until_done():
            Base.level = rng.randrange(64)
            # a lookup assigns the next version (so changes use them up)
            A(0).level
            if not (n & 63):
                setattr(A, extra, n)
                delattr(A, extra)
            _race.dwell(rng.randrange(20))

    race.run(reader, writer)
    if sigil_on and race.threads >= 2:
        s = sigil.stats()
        if s.get("spec.type_version_grants", 0) == 0 and s.get("LOAD_ATTR.attempts", 0) > 0:
            race.fail("classes changed %s times were never granted versions"
                      % ("thousands of",))
    race.finish()


if __name__ == "__main__":
    main()
