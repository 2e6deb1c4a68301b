"""A change completed before a read began must be seen by that read.

Attacks: LOAD_ATTR_INSTANCE_VALUE, LOAD_GLOBAL_BUILTIN, CALL_LEN,
         CALL_PY_EXACT_ARGS, LOAD_ATTR_METHOD_WITH_VALUES,
         CALL_BOUND_METHOD_EXACT_ARGS, LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN,
         LOAD_ATTR_CLASS_WITH_METACLASS_CHECK
The other scripts accept any value some state could produce, so a guard
that is skipped and returns the previous state's value passes them.  Here
each of six channels has one writer and a sequence counter used as a
seqlock: the writer makes the counter odd, switches the channel between its
two states, and makes it even again.  Channels: "attr" puts a property x on
class A over the instances' own x and removes it again; "builtin" shadows
len with a module global and deletes the global; "code" swaps f.__code__
between two bodies of one arity; "method" rebinds B.m to one of two
module-level functions; "getattribute" sets G.__getattribute__ to one
of two module-level functions (answering "g0" / "g1" for z);
"metaclass" puts a property k on K's metaclass over K's own k and
removes it again.  Writers also vary how long a state lasts, so
readers specialize in both states and deoptimize and respecialize often
(many cache records published and retired).
Invariant: a reader that reads the same even counter before and after an
operation saw exactly the value of that stable state (a correct engine
cannot return a state that ended before the read began); any other read
gives one of the channel's two values.
"""
from builtins import len as real_len   # the module's len is shadowed at times

import _race

T = (1, 2, 3)


def fake_len(x):
    return "shadow"


def body0():
    return 0


def body1():
    return 1


def f():
    return 0


def m0(self):
    return "m0"


def m1(self):
    return "m1"


class A:
    def __init__(self):
        self.x = "inst"


class B:
    def __init__(self):
        self.y = 0

    m = m0


def ga0(self, name):
    if name == "z":
        return "g0"
    return object.__getattribute__(self, name)


def ga1(self, name):
    if name == "z":
        return "g1"
    return object.__getattribute__(self, name)


class G:
    __getattribute__ = ga0


class KMeta(type):
    pass


class K(metaclass=KMeta):
    k = "cls"


CHANNELS = ("attr", "builtin", "code", "method", "getattribute", "metaclass")
# Value of each channel in state 0 / state 1.
STATES = {
    "attr": ("inst", "prop"),
    "builtin": (3, "shadow"),
    "code": (0, 1),
    "method": ("m0", "m1"),
    "getattribute": ("g0", "g1"),
    "metaclass": ("cls", "mdata"),
}


def main():
    race = _race.Race(__doc__)
    mod = globals()
    objs = [A() for _ in range(4)]
    bobjs = [B() for _ in range(4)]
    gobjs = [G() for _ in range(4)]
    prop = property(lambda self: "prop")
    mprop = property(lambda cls: "mdata")
    codes = (body0.__code__, body1.__code__)
    seq = [0] * real_len(CHANNELS)     # one per channel; odd while its writer changes it
    allowed = [_race.Allowed(*STATES[c]) for c in CHANNELS]
    stable = [STATES[c] for c in CHANNELS]

    def reader(t):
        expect, check = t.expect, t.check
        seen = [0] * real_len(CHANNELS)
        for i in range(t.iters(20000)):
            if not (i & 127):
                _race.relax()     # let writers in on an oversubscribed machine
            o = objs[i & 3]
            b = bobjs[i & 3]
            g = gobjs[i & 3]

            s = seq[0]
            v = o.x
            if s == seq[0] and not s & 1:
                expect(v, stable[0][(s >> 1) & 1], ("attr o.x at seq %d", s))
                seen[0] += 1
            else:
                check(v, allowed[0], "attr o.x")

            s = seq[1]
            v = len(T)
            if s == seq[1] and not s & 1:
                expect(v, stable[1][(s >> 1) & 1], ("builtin len(T) at seq %d", s))
                seen[1] += 1
            else:
                check(v, allowed[1], "builtin len(T)")

            s = seq[2]
            v = f()
            if s == seq[2] and not s & 1:
                expect(v, stable[2][(s >> 1) & 1], ("code f() at seq %d", s))
                seen[2] += 1
            else:
                check(v, allowed[2], "code f()")

            s = seq[3]
            v = b.m()
            if s == seq[3] and not s & 1:
                expect(v, stable[3][(s >> 1) & 1], ("method b.m() at seq %d", s))
                seen[3] += 1
            else:
                check(v, allowed[3], "method b.m()")

            s = seq[4]
            v = g.z
            if s == seq[4] and not s & 1:
                expect(v, stable[4][(s >> 1) & 1], ("getattribute g.z at seq %d", s))
                seen[4] += 1
            else:
                check(v, allowed[4], "getattribute g.z")

            s = seq[5]
            v = K.k
            if s == seq[5] and not s & 1:
                expect(v, stable[5][(s >> 1) & 1], ("metaclass K.k at seq %d", s))
                seen[5] += 1
            else:
                check(v, allowed[5], "metaclass K.k")
        return dict(zip(CHANNELS, seen))     # stable reads (--verbose)

    def switch(k, state):
        # Between the two counter stores the channel is in flux.
        seq[k] += 1
        if k == 0:
            if state:
                A.x = prop
            else:
                del A.x
        elif k == 1:
            if state:
                mod["len"] = fake_len
            else:
                del mod["len"]
        elif k == 2:
            with race.setter():
                f.__code__ = codes[state]
        elif k == 3:
            B.m = m1 if state else m0
        elif k == 4:
            G.__getattribute__ = ga1 if state else ga0
        else:
            if state:
                KMeta.k = mprop
            else:
                del KMeta.k
        seq[k] += 1

    def writer(t):
        rng = t.rng
        # Each channel has exactly one writer (the counter is not atomic);
        # above 12 threads the extra writers have no channel and idle.
        mine = [k for k in range(real_len(CHANNELS)) if k % t.count == t.index]
        if not mine:
            for _ in t.until_done():
                _race.dwell(1000)
            return
        state = [0] * real_len(CHANNELS)
        for n in t.until_done():
            k = mine[n % real_len(mine)]
            state[k] ^= 1
            switch(k, state[k])
            # Short and long states alike: long ones let readers specialize
            # in the state, short ones make their guards miss and deopt.
            _race.dwell(rng.randrange(20) if rng.randrange(4) else rng.randrange(20000))
        for k in mine:
            if state[k]:
                switch(k, 0)

    race.run(reader, writer)
    race.finish()


if __name__ == "__main__":
    main()
