"""Pinned global dicts read without a reference while writers rebind them.

Attacks: LOAD_GLOBAL_PINNED (alone, and run together with the LOAD_FAST /
  LOAD_CONST and BINARY_SUBSCR_DICT, or the CONTAINS_OP_DICT, after it, and
  as a borrowed span with the int arithmetic that computes a subscript)
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
readers are between their guard and their last read of it. A name once
unpinned stays so, so each namespace is attacked once per name: the
first writer makes a fresh namespace every fourth change (every other one
from a fresh compile, so that its sites specialize at once instead of
backing off from the last namespace's) and waits until the readers have
begun reading it before it changes it. A third global, GRID (tuple and
int keys), is read by subscripts computed from ints (`GRID[(j, j + 1)]`,
`GRID[j * 2 + 100]`: a borrowed span, the key never made), while writers
also delete and store its keys in place (a KeyError is then allowed).
Invariant: every value read is a Val for that key (never a dead or reused
object: a key mismatch, a wrong type, or a crash); a deleted TABLE raises
NameError; at the end, a pinned TABLE rebound on one thread takes its
values with it at once (weakref dead), as without Sigil.
"""
import threading
import time
import weakref

import _race

KEYS = tuple("key%d" % i for i in range(8))

SRC_TEXT = '''
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


def grid(n, expect, check, vtype):
    # Keys computed from ints (a tuple, an int): LOAD_GLOBAL_PINNED runs
    # with the arithmetic and the subscript as one borrowed span.
    gone = 0
    for i in range(n):
        j = i & 7
        try:
            v = GRID[(j, j + 1)]
            w = GRID[j * 2 + 100]
        except (NameError, KeyError):
            gone += 1
            continue
        check(type(v), vtype, "type(GRID[(j, j + 1)])")
        expect(v.key, (j, j + 1), "GRID[(j, j + 1)].key")
        check(type(w), vtype, "type(GRID[j * 2 + 100])")
        expect(w.key, j * 2 + 100, "GRID[j * 2 + 100].key")
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
'''
SRC = compile(SRC_TEXT, "<pinned>", "exec")


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


def grid_table():
    # Tuple and int keys made at run time (mortal, this thread's).
    g = {}
    for j in range(8):
        g[(j, j + 1)] = Val((j, j + 1))
        g[j * 2 + 100] = Val(j * 2 + 100)
    return g


def namespace(fresh=False):
    # `fresh`: its own code objects, whose sites have no history; else the
    # code every other namespace runs, whose sites have seen other globals.
    ns = {"__builtins__": __builtins__, "KEYS": KEYS}
    exec(compile(SRC_TEXT, "<pinned>", "exec") if fresh else SRC, ns)
    ns["TABLE"] = table()
    ns["PROBE"] = probe_table()
    ns["GRID"] = grid_table()
    ns["SEEN"] = []          # a token per reader batch begun on it (first few)
    return ns


def settle(ns, want, stop):
    """Until `want` reader batches have begun on ns (bounded: readers may be
    finishing, or descheduled by an oversubscribed run)."""
    seen = ns["SEEN"]
    deadline = time.monotonic() + 0.25
    while len(seen) < want and not stop() and time.monotonic() < deadline:
        _race.relax()


def main():
    race = _race.Race(__doc__)
    current = [namespace()]
    types = _race.Allowed(Val)

    def reader(t):
        left = t.iters(300000)
        batch = 0
        while left > 0 and not race.failed:
            n = min(left, 250)
            ns = current[0]
            seen = ns["SEEN"]
            if len(seen) < 16:
                seen.append(t.index)
            if t.index & 1:
                ns["probe"](n, t.expect)
            elif batch & 1:
                ns["grid"](n, t.expect, t.check, types)
            else:
                ns["read"](n, t.expect, t.check, types)
            batch += 1
            del ns, seen
            left -= n
            if not (left & 2047):
                _race.relax()

    readers = race.split()[0]

    def writer(t):
        rng = t.rng
        rounds = 0
        for i in t.until_done():
            if t.index == 0 and i % 4 == 3:
                # A fresh namespace, whose TABLE and PROBE can be pinned
                # (and unpinned) anew; two batches per reader on it first,
                # by which time their sites have pinned them.
                ns = namespace(fresh=bool(rounds & 1))
                current[0] = ns
                rounds += 1
                settle(ns, 2 * readers, lambda: t.stop)
                continue
            ns = current[0]
            k = rng.randrange(5)
            if k == 0:
                ns["TABLE"] = table()
                ns["PROBE"] = probe_table()
                ns["GRID"] = grid_table()
            elif k == 4:
                # GRID changed in place: a key deleted and stored again
                # (a new key object), entries appended until it resizes.
                try:
                    g = ns["GRID"]
                except KeyError:
                    g = None
                if g is not None:
                    j = rng.randrange(8)
                    for key in ((j, j + 1), j * 2 + 100):
                        g.pop(key, None)
                        g[key] = Val(key)
            elif k == 1:
                try:
                    del ns["TABLE"]
                except KeyError:
                    pass              # another writer's deletion came first
                _race.dwell(rng.randrange(300))
                ns["TABLE"] = table()
            elif k == 2:
                ns.update({"TABLE": table(), "PROBE": probe_table(), "GRID": grid_table()})
            else:
                ns.pop("TABLE", None)
                ns.pop("PROBE", None)
                _race.dwell(rng.randrange(300))
                ns["TABLE"] = table()
                ns["PROBE"] = probe_table()
            del ns
            _race.dwell(rng.randrange(2000))
        return {"namespaces": rounds} if t.index == 0 else None

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
