"""Sigil's demo: a short multi-threaded run that shows the engine at work.

Four threads share one class and one module-level table (the shapes where
free-threaded interpreters lose speed), each does a fixed amount of work,
and the result is checked. Then the engine mode and sigil.stats() print.
"""
import sys
import threading
import time

THREADS = 4
N = 20000

RATES = {"a": 1, "b": 2, "c": 3}


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def work(tid, out):
    total = 0
    for i in range(N):
        p = Point(i, -tid)
        total += p.norm1() + RATES["abc"[i % 3]]
    out[tid] = total


def expected(tid):
    return sum(i + tid for i in range(N)) + sum((1, 2, 3)[i % 3] for i in range(N))


def main():
    out = [None] * THREADS
    threads = [threading.Thread(target=work, args=(t, out)) for t in range(THREADS)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    dt = time.perf_counter() - t0
    ok = all(out[t] == expected(t) for t in range(THREADS))
    print(f"demo: {THREADS} threads x {N} iterations in {dt:.3f}s, "
          f"results {'correct' if ok else 'WRONG'}, GIL enabled: {sys._is_gil_enabled()}")
    try:
        import sigil
    except ImportError:
        print("demo: the sigil module is not available (stock interpreter)")
        return 0 if ok else 1
    info = sigil.info()
    print(f"engine mode: {info['mode']} (Sigil {info['sigil_version']}, CPython "
          f"{info['cpython_version']} {info['flavor']}, JIT available: {info['jit_available']}, "
          f"LLVM {info['llvm_version']})")
    print("sigil.stats():")
    for key, value in sigil.stats().items():
        print(f"  {key:32} {value}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
