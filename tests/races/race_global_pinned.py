"""Pinned global dicts read without a reference while writers rebind them.

Attacks: LOAD_GLOBAL_PINNED (alone, and run together with the LOAD_FAST /
  LOAD_CONST and BINARY_SUBSCR_DICT, or the CONTAINS_OP_DICT, after it)
A writer builds namespaces one after another (each its own globals dict,
all running one code object), each with a global TABLE: a dict of Val
objects the writer's thread owns, so the readers' LOAD_GLOBAL sites pin it
and read it by TABLE[k], TABLE["hot"] and `k in TABLE` counting no
reference to it (and a global PROBE, read by `k in PROBE` only, with
keys that are the looked-up objects and immortal values). Meanwhile the
writer rebinds TABLE and PROBE to a new dict, deletes
it and puts it back, replaces it through update() or pop(): the old dict
(and its Vals, which nothing else holds) dies at that moment. The first
such change of a namespace unpins TABLE (a stop of the world) while
readers are between their guard and their last read of it.
Invariant: every value read is a Val for that key (never a dead or reused
object: a key mismatch, a wrong type, or a crash); a deleted TABLE raises
NameError; at the end, a pinned TABLE rebound on one thread takes its
values with it at once (weakref dead), as without Sigil.
"""
import threading
import weakref

import _race

KEYS = tuple("key%d" % i for i in range(8))

SRC = compile('''
def read(n, expect, check, vtype):
    gone = 0
    for i in range(n):
        k = KEYS[i & 7]
        try:
            v = TABLE[k]
            h = TABLE["hot"]
            has = k in TABLE
            absent = "absent" not in TABLE
        except NameError:
            gone += 1
            continue
        check(type(v), vtype, "type(TABLE[k])")
        expect(v.key, k, "TABLE[k].key")
        expect(h.key, "hot", "TABLE['hot'].key")
        expect(has, True, "k in TABLE")
        expect(absent, True, "'absent' not in TABLE")
    return gone


def probe(n, expect):
    # Only membership tests, on keys stored as the very objects looked up
    # and values that are immortal: the reader touches no reference count
    # the writer also touches, so under ThreadSanitizer nothing but the pin
    # window orders its reads of PROBE before the writer's free of it.
    gone = 0
    for i in range(n):
        k = KEYS[i & 7]
        try:
            has = k in PROBE
            absent = "absent" not in PROBE
        except NameError:
            gone += 1
            continue
        expect(has, True, "k in PROBE")
        expect(absent, True, "'absent' not in PROBE")
    return gone
''', "<pinned>", "exec")


class Val:
    __slots__ = ("key", "__weakref__")

    def __init__(self, key):
        self.key = key


def table():
    # Keys built at run time: equal to KEYS' strs but other objects.
    t = {"".join(["key", str(i)]): Val(KEYS[i]) for i in range(8)}
    t["".join(["h", "ot"])] = Val("hot")
    return t


def probe_table():
    return {KEYS[i]: i for i in range(8)}


def namespace():
    ns = {"__builtins__": __builtins__, "KEYS": KEYS}
    exec(SRC, ns)
    ns["TABLE"] = table()
    ns["PROBE"] = probe_table()
    return ns


def main():
    race = _race.Race(__doc__)
    current = [namespace()]
    types = _race.Allowed(Val)

    def reader(t):
        left = t.iters(300000)
        while left > 0 and not race.failed:
            n = min(left, 500)
            if t.index & 1:
                current[0]["probe"](n, t.expect)
            else:
                current[0]["read"](n, t.expect, t.check, types)
            left -= n
            if not (left & 2047):
                _race.relax()

    def writer(t):
        rng = t.rng
        rounds = 0
        for i in t.until_done():
            ns = current[0]
            k = rng.randrange(5)
            if k == 0:
                ns["TABLE"] = table()
                ns["PROBE"] = probe_table()
            elif k == 1:
                try:
                    del ns["TABLE"]
                except KeyError:
                    pass              # another writer's deletion came first
                _race.dwell(rng.randrange(300))
                ns["TABLE"] = table()
            elif k == 2:
                ns.update({"TABLE": table(), "PROBE": probe_table()})
            elif k == 3:
                ns.pop("TABLE", None)
                ns.pop("PROBE", None)
                _race.dwell(rng.randrange(300))
                ns["TABLE"] = table()
                ns["PROBE"] = probe_table()
            elif rounds < 150 and t.index == 0:
                # A fresh namespace: its TABLE can be pinned (and unpinned)
                # anew, where a name once unpinned stays so.
                current[0] = namespace()
                rounds += 1
            _race.dwell(rng.randrange(2000))

    race.run(reader, writer)

    # Lifetimes: a TABLE another thread pinned dies when rebound, at once.
    if not race.failed:
        ns = namespace()
        done = threading.Thread(target=ns["read"], args=(4000, race.expect, race.check, types))
        done.start()
        done.join()
        watch = weakref.ref(ns["TABLE"]["hot"])
        ns["TABLE"] = {}
        race.expect(watch() is None, True, "old TABLE's value alive after rebinding")
    race.finish()


if __name__ == "__main__":
    main()
