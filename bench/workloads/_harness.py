"""Run one Sigil workload on N threads and report timings as JSON.

    PY _harness.py --workload NAME [--threads N] [--repeat R] [--warmup W]
                   [--scale S] [--json]
    PY _harness.py --workload NAME --threads N --scale S --serve
    PY _harness.py --list

Each repetition starts N fresh threads that meet at a barrier, each runs
one unit (`run(scale)` of bench/workloads/bm_NAME.py), and the wall time
of the repetition is last finish - first start. Every thread's result goes
through the workload's check(); a wrong answer or an exception makes the
record `ok: false` and the exit status 1. Each repetition also reports the
time spent in the cyclic garbage collector while it ran (`gc_time`,
`gc_collections`, from gc.callbacks; PyPy has no gc.callbacks and reports
none), so that a comparison can tell the collector's cost from the
evaluator's.

--serve keeps the process alive for the runner (tools/sigil-bench), which
interleaves interpreters repetition by repetition: it reads one command per
line on stdin -- `run` answers with one JSON line for one repetition,
`finish` answers with the final record and exits. `run T` (and `warmup T`)
starts the units at time.monotonic() == T, so that a runner can start
one-thread processes together (sigil-bench --ceiling). Runs on Python 3.9+
(PyPy included); stdlib only.
"""
import argparse
import gc
import importlib
import json
import os
import sys
import threading
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

try:
    import resource
except ImportError:  # not on Linux: no peak RSS
    resource = None


# -- Environment ---------------------------------------------------------------

def list_workloads():
    names = []
    for fn in sorted(os.listdir(HERE)):
        if fn.startswith("bm_") and fn.endswith(".py"):
            names.append(fn[3:-3])
    return names


def maxrss_kb():
    """Peak resident set size of this process so far, in KiB (Linux units)."""
    if resource is None:
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def current_rss_kb():
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError, IndexError):
        return None


def python_info():
    gil = getattr(sys, "_is_gil_enabled", None)
    return {
        "implementation": sys.implementation.name,
        "version": sys.version.split()[0],
        "executable": sys.executable,
        "gil_enabled": gil() if gil is not None else True,
        "xoptions": dict((str(k), str(v)) for k, v in sys._xoptions.items()),
    }


def sigil_report():
    """sigil.info() and sigil.stats() when running under sigil-python, else None."""
    try:
        import sigil
    except ImportError:
        return None
    out = {}
    for what in ("info", "stats"):
        fn = getattr(sigil, what, None)
        if fn is None:
            out[what] = None
            continue
        try:
            out[what] = fn()
        except Exception as e:  # report, never fail the benchmark for it
            out[what] = {"error": repr(e)}
    return out


class RssSampler(object):
    """Samples the current RSS every `period` seconds while a repetition runs.

    ru_maxrss is the peak of the whole process life, usually set at start-up
    for small units; the sampler gives the peak during the measured work.
    """

    def __init__(self, period):
        self.period = period
        self.peak = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, name="rss-sampler", daemon=True)

    def loop(self):
        while True:
            rss = current_rss_kb() or 0
            if rss > self.peak:
                self.peak = rss
            if self.stop.wait(self.period):
                return

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        rss = current_rss_kb() or 0
        if rss > self.peak:
            self.peak = rss


# -- Time in the cyclic GC -------------------------------------------------------

class GcClock(object):
    """Wall time spent inside collections, from gc.callbacks.

    CPython calls every callback with "start" before a collection and "stop"
    after it, on the collecting thread; collections never overlap (the
    free-threaded build runs one at a time, with the world stopped), so one
    start time is enough. `available` is False where gc.callbacks does not
    exist (PyPy): the records then carry no GC figures rather than zeros.
    """

    def __init__(self):
        self.total = 0.0
        self.count = 0
        self.started = None
        self.available = isinstance(getattr(gc, "callbacks", None), list)
        if self.available:
            gc.callbacks.append(self.callback)

    def callback(self, phase, info):
        if phase == "start":
            self.started = time.perf_counter()
        elif phase == "stop" and self.started is not None:
            self.total += time.perf_counter() - self.started
            self.count += 1
            self.started = None

    def read(self):
        return self.total, self.count


GC_CLOCK = None


# -- One repetition ----------------------------------------------------------

def one_repetition(module, nthreads, scale, rss_period=0.0, start_at=None):
    """Run one unit on each of `nthreads` threads; return a result dict.
    With start_at (a time.monotonic() value), the units start at that time,
    so that units in several processes started by one runner run together."""
    barrier = threading.Barrier(nthreads)
    starts = [0.0] * nthreads
    ends = [0.0] * nthreads
    mono = [(0.0, 0.0)] * nthreads
    results = [None] * nthreads
    errors = [None] * nthreads

    def worker(k):
        try:
            barrier.wait()
            if start_at is not None:
                left = start_at - time.monotonic()
                if left > 0:
                    time.sleep(left)
            m0 = time.monotonic()
            starts[k] = time.perf_counter()
            results[k] = module.run(scale)
            ends[k] = time.perf_counter()
            mono[k] = (m0, time.monotonic())
        except BaseException:
            ends[k] = time.perf_counter()
            errors[k] = traceback.format_exc()
            barrier.abort()

    gc.collect()
    gc_start = GC_CLOCK.read() if GC_CLOCK and GC_CLOCK.available else None
    threads = [threading.Thread(target=worker, args=(k,), name="unit-%d" % k)
               for k in range(nthreads)]
    sampler = RssSampler(rss_period) if rss_period > 0 else None
    if sampler:
        sampler.__enter__()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if sampler:
        sampler.__exit__()
    gc_time = gc_collections = None
    if gc_start is not None:
        gc_end = GC_CLOCK.read()
        gc_time, gc_collections = gc_end[0] - gc_start[0], gc_end[1] - gc_start[1]
    wall = max(ends) - min(starts)
    error = None
    for k in range(nthreads):
        if errors[k] is not None:
            error = "thread %d raised:\n%s" % (k, errors[k])
            break
        try:
            module.check(results[k])
        except AssertionError as e:
            error = "thread %d: wrong answer: %s" % (k, e)
            break
        except Exception:
            error = "thread %d: check() raised:\n%s" % (k, traceback.format_exc())
            break
    return {
        "wall": wall,
        # The system-wide clock's first start and last finish: a runner that
        # started units in several processes at once measures them together.
        "start_mono": min(m[0] for m in mono),
        "end_mono": max(m[1] for m in mono),
        "thread_times": [ends[k] - starts[k] for k in range(nthreads)],
        "gc_time": gc_time,
        "gc_collections": gc_collections,
        "ok": error is None,
        "error": error,
        "maxrss_kb": maxrss_kb(),
        "rss_run_peak_kb": sampler.peak if sampler else None,
    }


def final_record(args, module, reps, warmups, rss_start):
    times = [r["wall"] for r in reps]
    error = None
    for r in warmups + reps:
        if not r["ok"]:
            error = r["error"]
            break
    return {
        "kind": "record",
        "workload": args.workload,
        "threads": args.threads,
        "scale": args.scale,
        "unit": getattr(module, "UNIT", {}),
        "times": times,
        "warmup_times": [r["wall"] for r in warmups],
        "thread_times": [r["thread_times"] for r in reps],
        "gc_times": [r["gc_time"] for r in reps],
        "gc_collections": [r["gc_collections"] for r in reps],
        "ok": error is None,
        "error": error,
        "rss_start_kb": rss_start,
        "rss_end_kb": current_rss_kb(),
        "rss_run_peak_kb": max([r.get("rss_run_peak_kb") or 0 for r in reps] or [0]) or None,
        "maxrss_kb": maxrss_kb(),
        "python": python_info(),
        "sigil": sigil_report(),
    }


def emit(obj):
    sys.stdout.write(json.dumps(obj, default=repr, sort_keys=True) + "\n")
    sys.stdout.flush()


# -- Modes -------------------------------------------------------------------

def serve(args, module, rss_start):
    reps = []
    for line in sys.stdin:
        words = line.split()
        cmd = words[0] if words else ""
        start_at = None
        if cmd in ("run", "warmup") and len(words) == 2:
            try:
                start_at = float(words[1])
            except ValueError:
                emit({"kind": "error", "error": "bad start time %r" % words[1]})
                continue
        elif cmd in ("run", "warmup") and len(words) > 2:
            emit({"kind": "error", "error": "unknown command %r" % line.strip()})
            continue
        if cmd in ("run", "warmup"):
            r = one_repetition(module, args.threads, args.scale, args.rss_sample_ms / 1e3,
                               start_at)
            r["kind"] = cmd
            reps.append(r)
            emit(r)
        elif cmd == "finish":
            rec = final_record(args, module, [r for r in reps if r["kind"] == "run"],
                               [r for r in reps if r["kind"] == "warmup"], rss_start)
            emit(rec)
            return 0 if rec["ok"] else 1
        elif cmd:
            emit({"kind": "error", "error": "unknown command %r" % cmd})
    return 0


def oneshot(args, module, rss_start):
    period = args.rss_sample_ms / 1e3
    warmups = [one_repetition(module, args.threads, args.scale, period)
               for _ in range(args.warmup)]
    reps = []
    for _ in range(args.repeat):
        reps.append(one_repetition(module, args.threads, args.scale, period))
        if not reps[-1]["ok"]:
            break
    rec = final_record(args, module, reps, warmups, rss_start)
    if args.json:
        emit(rec)
    else:
        times = sorted(rec["times"])
        med = times[len(times) // 2] if times else float("nan")
        gcs = sorted(g for g in rec["gc_times"] if g is not None)
        gc_note = ", in GC %.4f s (median)" % gcs[len(gcs) // 2] if gcs else ""
        print("%s threads=%d scale=%g: median %.4f s over %d runs (min %.4f, max %.4f)%s, "
              "peak RSS %s KiB, %s" % (args.workload, args.threads, args.scale, med, len(times),
                                      times[0] if times else float("nan"),
                                      times[-1] if times else float("nan"), gc_note,
                                      rec["maxrss_kb"], "ok" if rec["ok"] else "FAILED"))
        if rec["error"]:
            print(rec["error"])
    return 0 if rec["ok"] else 1


def main(argv=None):
    ap = argparse.ArgumentParser(description="Run one Sigil workload on N threads.")
    ap.add_argument("--workload", help="workload name (bm_<name>.py)")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--rss-sample-ms", type=float, default=0.0,
                    help="sample the RSS every MS milliseconds during repetitions (0: off)")
    ap.add_argument("--json", action="store_true", help="print one JSON record")
    ap.add_argument("--serve", action="store_true", help="take run/finish commands on stdin")
    ap.add_argument("--list", action="store_true", help="list the workloads and exit")
    args = ap.parse_args(argv)
    if args.list:
        print("\n".join(list_workloads()))
        return 0
    if not args.workload:
        ap.error("--workload is required")
    if args.threads < 1:
        ap.error("--threads must be >= 1")
    name = args.workload[3:] if args.workload.startswith("bm_") else args.workload
    args.workload = name
    try:
        module = importlib.import_module("bm_" + name)
    except Exception:
        emit({"kind": "record", "workload": name, "threads": args.threads, "ok": False,
              "error": "cannot import bm_%s:\n%s" % (name, traceback.format_exc()),
              "times": [], "python": python_info()})
        return 1
    global GC_CLOCK
    GC_CLOCK = GcClock()
    rss_start = current_rss_kb()
    if args.serve:
        return serve(args, module, rss_start)
    return oneshot(args, module, rss_start)


if __name__ == "__main__":
    sys.exit(main())
