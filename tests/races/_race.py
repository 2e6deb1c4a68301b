"""Shared harness for Sigil's contrived race scripts (tests/races/race_*.py).

A race script builds some shared state, then calls ``Race.run`` with a
*reader* function and a *writer* function.  Readers execute one specialized
instruction in a bounded hot loop and check every value they observe
against the set of values a correct interpreter could produce; writers keep
changing what that instruction's guard depends on until every reader has
finished (or their own iteration bound runs out).  All threads start on one
``threading.Barrier``.

Exit status: 0 pass; 1 invariant violation or unexpected exception, with a
one-line reason on stderr; 2 bad command line.  Nothing is printed on
success unless ``--verbose`` is given.

Command line (every script):
    --threads N   total threads (default 4); about half are writers
    --seed S      seed for every thread's random.Random (default 0)
    --iters K     scale factor for iteration counts (default 1.0)
    --quiet       print nothing but the one-line failure reason
    --verbose     print per-role observation counts and timings
    --cpython-bugs  also run the parts of a script that crash or corrupt
                  stock CPython 3.13t itself (known upstream bugs, named in
                  the script's docstring); off by default so that the
                  suite passes on an unmodified interpreter (e.g.
                  concurrent stores to a function's __code__, see
                  Race.setter)

Environment:
    SIGIL_RACE_SELFTEST_CORRUPT=1  corrupt the first value passed to
        check()/expect() so the script must fail; used by
        selftest_harness.py to prove the checks bite.
    SIGIL_RACE_WATCHDOG=SEC  dump every thread's Python stack to stderr
        if the script is still running after SEC seconds (hang diagnosis).
"""

import argparse
import contextlib
import faulthandler
import os
import random
import sys
import threading
import time
import traceback

__all__ = ["Race", "Allowed", "Worker", "Turns", "exc_name", "dwell", "relax", "merge_counts"]


# -- Small helpers -----------------------------------------------------------

def exc_name(exc):
    """The tag a reader records for an expected exception: its class name."""
    return type(exc).__name__


def dwell(n):
    """Spin for n loop iterations (a writer's pause between two changes)."""
    for _ in range(n):
        pass


class Turns:
    """Strict round-robin among n threads (a Python lock is not fair).

    ``with turns.take(i): ...`` runs only when it is thread i's turn and
    then passes the turn to the next thread in the ring; a thread that is
    finished calls ``turns.leave(i)``, which waits for its turn once more
    and drops it from the ring.  Each thread has its own gate, so a
    hand-off wakes exactly one thread.
    """

    def __init__(self, n):
        self._gates = [threading.Lock() for _ in range(n)]
        for g in self._gates[1:]:
            g.acquire()
        self._active = list(range(n))
        self._mu = threading.Lock()

    def take(self, i):
        return _Turn(self, i)

    def _pass_on(self, i, remove):
        with self._mu:
            k = self._active.index(i)
            if remove:
                del self._active[k]
                if not self._active:
                    return
                nxt = self._active[k % len(self._active)]
            else:
                nxt = self._active[(k + 1) % len(self._active)]
        self._gates[nxt].release()

    def leave(self, i):
        self._gates[i].acquire()
        self._pass_on(i, True)


class _Turn:
    __slots__ = ("turns", "i")

    def __init__(self, turns, i):
        self.turns = turns
        self.i = i

    def __enter__(self):
        self.turns._gates[self.i].acquire()

    def __exit__(self, *exc):
        self.turns._pass_on(self.i, False)
        return False


def relax():
    """Offer the core to another runnable thread (oversubscribed runs)."""
    _sched_yield()


_sched_yield = getattr(os, "sched_yield", lambda: time.sleep(0))


class _Corrupt:
    """The value substituted by the self-test hook: equal to nothing."""

    def __eq__(self, other):
        return False

    def __ne__(self, other):
        return True

    def __hash__(self):
        return 0x5161

    def __repr__(self):
        return "<corrupted by SIGIL_RACE_SELFTEST_CORRUPT>"


class Allowed:
    """A set of permitted observations compared by exact type and value.

    ``Allowed(1, 2, "AttributeError")`` accepts the int 1 or 2 or the string
    tag "AttributeError", but not True or 1.0 (``1 in {True}`` would).
    Unhashable members fall back to a linear scan.
    """

    __slots__ = ("_pairs", "_unhashable", "_shown")

    def __init__(self, *values):
        pairs = set()
        unhashable = []
        for v in values:
            try:
                pairs.add((type(v), v))
            except TypeError:
                unhashable.append(v)
        self._pairs = frozenset(pairs)
        self._unhashable = tuple(unhashable)
        self._shown = values

    def __contains__(self, value):
        try:
            if (type(value), value) in self._pairs:
                return True
        except TypeError:
            pass
        for v in self._unhashable:
            if type(v) is type(value) and v == value:
                return True
        return False

    def __repr__(self):
        return "{" + ", ".join(repr(v) for v in self._shown) + "}"


# -- Thread context ----------------------------------------------------------

class Worker:
    """What a reader or writer function receives: its identity and tools."""

    def __init__(self, race, role, index, count):
        self.race = race
        self.role = role          # "reader", "writer", or a script's own role
        self.index = index        # 0..count-1 within the role
        self.count = count        # threads in this role
        self.name = "%s-%d" % (role, index)
        self.rng = random.Random("%d/%s/%d" % (race.seed, role, index))
        self.check = race.check
        self.expect = race.expect
        self.fail = race.fail

    def iters(self, base, minimum=200):
        """Per-thread iteration count for a role doing `base` at 4 threads.

        The total work of a role is kept constant across thread counts: a
        role with R threads at --threads N does base*scale*R4/R each, where
        R4 is the size the role would have at 4 threads.
        """
        r4 = self.race.role_size_at(self.role, 4)
        n = int(base * self.race.scale * r4 / max(1, self.count))
        return max(minimum, n)

    def until_done(self, limit=10_000_000):
        """Writer loop: yields 0, 1, ... until all readers finished or limit."""
        race = self.race
        race._writer_started()
        i = 0
        while i < limit and not race.readers_done:
            yield i
            i += 1

    @property
    def stop(self):
        """True once every reader has finished (or the race already failed)."""
        return self.race.readers_done


# -- The race ----------------------------------------------------------------

class Race:
    """Parses the command line and runs one race; see the module docstring."""

    def __init__(self, doc=None, argv=None):
        p = argparse.ArgumentParser(description=(doc or "").strip().splitlines()[0] if doc else None)
        p.add_argument("--threads", type=int, default=4)
        p.add_argument("--seed", type=int, default=0)
        p.add_argument("--iters", type=float, default=1.0)
        p.add_argument("--quiet", action="store_true")
        p.add_argument("--verbose", action="store_true")
        p.add_argument("--cpython-bugs", action="store_true")
        a = p.parse_args(argv)
        if a.threads < 2:
            p.error("--threads must be at least 2 (one reader, one writer)")
        if a.iters <= 0:
            p.error("--iters must be positive")
        self.threads = a.threads
        self.seed = a.seed
        self.scale = a.iters
        self.quiet = a.quiet
        self.verbose = a.verbose and not a.quiet
        self.cpython_bugs = a.cpython_bugs
        self.script = os.path.basename(sys.argv[0]) if argv is None else "race"
        self.rng = random.Random(a.seed)
        self.readers_done = False
        self._failures = []
        self._fail_lock = threading.Lock()
        self._corrupt_pending = os.environ.get("SIGIL_RACE_SELFTEST_CORRUPT") == "1"
        self._corrupt_lock = threading.Lock()
        self._setter_lock = (contextlib.nullcontext() if self.cpython_bugs
                             else threading.Lock())
        self._roles = {}
        self.results = {}
        self._started = 0
        self._started_lock = threading.Lock()
        self._nwriters = 0
        faulthandler.enable()
        wd = os.environ.get("SIGIL_RACE_WATCHDOG")
        if wd:
            try:
                faulthandler.dump_traceback_later(float(wd), exit=False)
            except ValueError:
                pass

    # -- Observations ---------------------------------------------------------

    def _observe(self, value):
        # The self-test hook: replace exactly one observed value (the first
        # one any thread passes in) with a value no check accepts.
        if self._corrupt_pending:
            with self._corrupt_lock:
                if self._corrupt_pending:
                    self._corrupt_pending = False
                    return _Corrupt()
        return value

    def check(self, value, allowed, what="value"):
        """Record a violation unless `value` is in `allowed`.

        `allowed` is an Allowed, any container, or a predicate (callable).
        `what` names the observation; a tuple (fmt, arg, ...) is formatted
        only on failure, keeping the hot loop free of string formatting.
        Returns True when the value is permitted.
        """
        if self._corrupt_pending:
            value = self._observe(value)
        if callable(allowed):
            ok = allowed(value)
        else:
            ok = value in allowed
        if ok:
            return True
        self.fail("%s = %s, expected one of %r" % (_what(what), _short(value), allowed))
        return False

    def expect(self, value, expected, what="value"):
        """Record a violation unless `value` equals `expected` with its type."""
        if self._corrupt_pending:
            value = self._observe(value)
        if type(value) is type(expected) and value == expected:
            return True
        self.fail("%s = %s, expected %s" % (_what(what), _short(value), _short(expected)))
        return False

    def fail(self, msg):
        """Record an invariant violation; the race stops early and exits 1."""
        who = threading.current_thread().name
        with self._fail_lock:
            self._failures.append("%s: %s" % (who, msg))
        self.readers_done = True   # writers stop; readers check .failed

    def _writer_started(self):
        with self._started_lock:
            self._started += 1

    def _wait_for_writers(self):
        # Readers start their bounded loops only once every writer is
        # running, so the race cannot be lost to thread start-up order on
        # a loaded machine.  Bounded: gives up after about two seconds.
        for _ in range(2000):
            if self._started >= self._nwriters or self._failures:
                return
            time.sleep(0.001)

    @property
    def failed(self):
        return bool(self._failures)

    # -- Running --------------------------------------------------------------

    def setter(self):
        """What writers hold around a store to a function attribute.

        CPython 3.13t's setters of __code__, __defaults__ and __kwdefaults__
        replace the field with Py_XSETREF and no lock: two threads storing
        at once both release the old value, which is then freed while still
        referenced (negative refcount on a debug build, a corrupted free list
        on a release one).  That is a writer/writer bug of the stock
        interpreter, not a race a specialized instruction takes part in, so
        writers take turns for the store itself and readers still race every
        store.  With --cpython-bugs this is a no-op and the stores collide.
        """
        return self._setter_lock

    def split(self, n=None):
        """(readers, writers) for n threads: writers = n//2, readers the rest."""
        n = self.threads if n is None else n
        writers = max(1, n // 2)
        return max(1, n - writers), writers

    def role_size_at(self, role, n):
        spec = self._roles.get(role)
        if spec is None:
            return 1
        return spec(n)

    def run(self, reader, writer):
        """Run readers and writers split per split(); then exit on failure."""
        roles = [
            ("reader", reader, lambda n: self.split(n)[0]),
            ("writer", writer, lambda n: self.split(n)[1]),
        ]
        return self.run_roles(roles, readers=("reader",))

    def run_roles(self, roles, readers=None):
        """Run arbitrary roles: a list of (name, fn, size) where size is an
        int or a function of the thread count.  Roles named in `readers`
        (default: all but "writer") gate until_done()/stop."""
        plan = []
        for name, fn, size in roles:
            sizer = size if callable(size) else (lambda n, s=size: s)
            self._roles[name] = sizer
            plan.append((name, fn, max(1, sizer(self.threads))))
        if readers is None:
            readers = tuple(name for name, _, _ in roles if name != "writer")
        total = sum(c for _, _, c in plan)
        self._nwriters = sum(c for name, _, c in plan if name not in readers)
        barrier = threading.Barrier(total + 1)
        remaining = [sum(c for name, _, c in plan if name in readers)]
        count_lock = threading.Lock()
        results = {}
        threads = []

        def body(t, fn):
            try:
                barrier.wait()
                if t.role in readers:
                    self._wait_for_writers()
                res = fn(t)
                results[t.name] = res
            except BaseException as e:  # noqa: BLE001 - any escape is a failure
                tb = traceback.extract_tb(e.__traceback__)
                where = ("%s:%d" % (os.path.basename(tb[-1].filename), tb[-1].lineno)) if tb else "?"
                self.fail("unexpected %s: %s (at %s)" % (type(e).__name__, _short(e), where))
                if self.verbose:
                    traceback.print_exc()
            finally:
                if t.role in readers:
                    with count_lock:
                        remaining[0] -= 1
                        if remaining[0] == 0:
                            self.readers_done = True

        for name, fn, count in plan:
            for i in range(count):
                t = Worker(self, name, i, count)
                th = threading.Thread(target=body, args=(t, fn), name=t.name, daemon=True)
                threads.append(th)
        for th in threads:
            th.start()
        t0 = time.perf_counter()
        barrier.wait()
        for th in threads:
            th.join()
        self.elapsed = time.perf_counter() - t0
        self.results = results
        if self.verbose:
            gil = getattr(sys, "_is_gil_enabled", lambda: True)()
            print("%s: %d threads (%s), seed %d, %.2fs%s" % (
                self.script, total, ", ".join("%d %s" % (c, n) for n, _, c in plan),
                self.seed, self.elapsed, " [GIL ENABLED: weak race]" if gil else ""),
                file=sys.stderr)
            for name in sorted(results):
                if results[name]:
                    print("  %s: %s" % (name, _short(results[name], 300)), file=sys.stderr)
        if self._failures:
            self.exit_failed()
        return results

    def finish(self):
        """Call at the end of a script after its final-state checks."""
        faulthandler.cancel_dump_traceback_later()
        if self._failures:
            self.exit_failed()
        sys.exit(0)

    def exit_failed(self):
        faulthandler.cancel_dump_traceback_later()
        first = self._failures[0]
        more = len(self._failures) - 1
        msg = "FAIL %s: %s%s" % (self.script, first, (" (+%d more)" % more) if more else "")
        if self.verbose:
            for f in self._failures[1:20]:
                print("  also: " + f, file=sys.stderr)
        print(msg, file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(1)   # do not wait for anything else a broken state may hold


def merge_counts(results):
    """Sum dict-of-int results returned by several threads."""
    out = {}
    for r in results.values():
        if isinstance(r, dict):
            for k, v in r.items():
                out[k] = out.get(k, 0) + v
    return out


def _what(what):
    if isinstance(what, tuple):
        try:
            return what[0] % what[1:]
        except Exception:  # noqa: BLE001 - a bad label must not hide the failure
            return repr(what)
    return what


def _short(v, limit=120):
    try:
        s = repr(v)
    except Exception as e:  # noqa: BLE001 - a broken repr is itself data
        s = "<repr failed: %s>" % type(e).__name__
    if len(s) > limit:
        s = s[: limit - 3] + "..."
    return s
