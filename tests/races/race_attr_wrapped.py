"""classmethod and staticmethod loads while the class and the descriptors change.

Attacks: LOAD_ATTR_WRAPPED_WITH_VALUES, LOAD_ATTR_CLASS_WRAPPED
Readers call o.m(i) on instances of C and of its subclass D, and C.m(i) /
D.m(i) on the classes, where C.m is a classmethod or a staticmethod.
Writers install a new classmethod or staticmethod (each fresh object is
made deferred-RC, with the world stopped, when a reader's site first
specializes on it), install a plain function, re-initialize the live
descriptor with another callable (classmethod.__init__ swaps the callable
without touching the class's version), and shadow m on one shared
instance and remove the shadow again.
Invariant: every call returns what one of the installed callables returns
for the receiver it was given: a classmethod's result names the class of
the receiver (never another class, never an instance), a staticmethod's
carries no class; an instance's shadow answers only for that instance;
never TypeError, AttributeError or a crash.
"""
import _race


def cm_a(cls, i):
    return ("cm_a", cls.__name__)


def cm_b(cls, i):
    return ("cm_b", cls.__name__)


def sm_a(i):
    return ("sm_a",)


def plain(self_or_i, i=None):
    # As a function on the class: o.m(i) passes the instance, C.m(i) only i.
    if i is None:
        return ("plain",)
    return ("plain", type(self_or_i).__name__)


def shadow(i):
    return ("shadow",)


class C:
    def __init__(self):
        self.v = 0

    m = classmethod(cm_a)


class D(C):
    pass


def main():
    race = _race.Race(__doc__)
    shared = C()       # the writers shadow m on this one
    private_c, private_d = C(), D()

    def allowed(name, via_instance, shadow_ok):
        vals = [("cm_a", name), ("cm_b", name), ("sm_a",)]
        vals.append(("plain", name) if via_instance else ("plain",))
        if shadow_ok:
            vals.append(("shadow",))
        return _race.Allowed(*vals)

    ok_c_inst = allowed("C", True, False)
    ok_d_inst = allowed("D", True, False)
    ok_shared = allowed("C", True, True)
    ok_c_cls = allowed("C", False, False)
    ok_d_cls = allowed("D", False, False)

    def reader(t):
        check = t.check
        seen = {}
        for i in range(t.iters(20000)):
            if not (i & 127):
                _race.relax()
            r = private_c.m(i)
            check(r, ok_c_inst, "C().m(i)")
            check(private_d.m(i), ok_d_inst, "D().m(i)")
            check(shared.m(i), ok_shared, "shared.m(i)")
            check(C.m(i), ok_c_cls, "C.m(i)")
            check(D.m(i), ok_d_cls, "D.m(i)")
            if not (i & 63):
                seen[r[0]] = seen.get(r[0], 0) + 1
        return seen

    def writer(t):
        rng = t.rng
        for _ in t.until_done():
            k = rng.randrange(8)
            if k == 0:
                C.m = classmethod(cm_a)
            elif k == 1:
                C.m = staticmethod(sm_a)
            elif k == 2:
                C.m = plain
            elif k == 3:
                d = C.__dict__["m"]
                if type(d) is classmethod:
                    # swap the callable of the live descriptor (module-level
                    # functions: deferred, never freed under a reader)
                    d.__init__(cm_b if rng.randrange(2) else cm_a)
            elif k == 4:
                shared.m = shadow
            elif k == 5:
                try:
                    del shared.m
                except AttributeError:
                    pass
            elif k == 6:
                C.m = classmethod(cm_b)
            else:
                _race.relax()
            _race.dwell(rng.randrange(300))

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
