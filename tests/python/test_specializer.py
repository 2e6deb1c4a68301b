"""The specializer picks each form for its intended operands, falls back
(and eventually deoptimizes) when a guard fails, and never changes results.

Run by sigil-python in mode interp (the default); every check reads
sigil.stats(), whose per-form and per-family counters are the specializer's
own bookkeeping."""
import sigil
import sys
import threading
import unittest


def fresh(fn):
    """A copy of fn with its own code object, hence its own words."""
    return type(fn)(fn.__code__.replace(), fn.__globals__, fn.__name__)


def stats_delta(fn, *args):
    fn = fresh(fn)
    sigil.reset_stats()
    result = fn(*args)
    return result, {k: v for k, v in sigil.stats().items() if v}


def add_loop(xs):
    total = xs[0]
    for x in xs[1:]:
        total = total + x
    return total


def sub_mul_loop(a, b, n):
    r = a
    for _ in range(n):
        r = (r - b) * b
        r = r - r + a
    return r


def compare_loop(xs, pivot):
    lt = eq = ne = 0
    for x in xs:
        if x < pivot:
            lt += 1
        if x == pivot:
            eq += 1
        if x != pivot:
            ne += 1
    return lt, eq, ne


def truth_loop(xs):
    n = 0
    for x in xs:
        if x:
            n += 1
    return n


def last_add(xs):
    r = None
    for x in xs:
        r = x + 1
    return r


def float_sum(xs):
    total = 0.0
    for x in xs:
        total = total + x
    return total


class MyInt(int):
    def __add__(self, other):
        return "overridden"


@unittest.skipUnless(sigil.info()["mode"] in ("interp", "jit"), "needs Sigil's interpreter")
class Forms(unittest.TestCase):
    def test_int_add(self):
        r, s = stats_delta(add_loop, list(range(500)))
        self.assertEqual(r, sum(range(500)))
        self.assertGreaterEqual(s.get("form.BINARY_OP_ADD_INT", 0), 498)
        self.assertGreaterEqual(s.get("BINARY_OP.successes", 0), 1)
        self.assertGreaterEqual(s.get("spec.sijil_acquisitions", 0), 1)

    def test_float_and_str_add(self):
        r, s = stats_delta(add_loop, [0.5] * 300)
        self.assertEqual(r, 150.0)
        self.assertGreaterEqual(s.get("form.BINARY_OP_ADD_FLOAT", 0), 298)
        r, s = stats_delta(add_loop, ["ab"] * 100)
        self.assertEqual(r, "ab" * 100)
        self.assertGreaterEqual(s.get("form.BINARY_OP_ADD_UNICODE", 0), 98)

    def test_sub_mul(self):
        r, s = stats_delta(sub_mul_loop, 7, 3, 200)
        self.assertEqual(r, 7)
        self.assertGreaterEqual(s.get("form.BINARY_OP_SUBTRACT_INT", 0), 200)
        self.assertGreaterEqual(s.get("form.BINARY_OP_MULTIPLY_INT", 0), 199)
        r, s = stats_delta(sub_mul_loop, 7.0, 3.0, 200)
        self.assertEqual(r, 7.0)
        self.assertGreaterEqual(s.get("form.BINARY_OP_MULTIPLY_FLOAT", 0), 199)

    def test_compare(self):
        r, s = stats_delta(compare_loop, list(range(100)), 50)
        self.assertEqual(r, (50, 1, 99))
        self.assertGreaterEqual(s.get("form.COMPARE_OP_INT", 0), 297)
        r, s = stats_delta(compare_loop, [float(i) for i in range(100)] + [float("nan")], 50.0)
        self.assertEqual(r, (50, 1, 100))   # nan: not <, not ==, !=
        self.assertGreaterEqual(s.get("form.COMPARE_OP_FLOAT", 0), 200)

    def test_str_compare_only_eq_ne(self):
        words = ["a", "b", "c"] * 50
        r, s = stats_delta(compare_loop, words, "b")
        self.assertEqual(r, (50, 50, 100))
        # '<' on str has no form; '==' and '!=' do.
        self.assertGreaterEqual(s.get("form.COMPARE_OP_STR", 0), 298)
        self.assertGreaterEqual(s.get("COMPARE_OP.failures", 0), 1)

    def test_to_bool(self):
        for xs, want, form in (([0, 1, 2] * 50, 100, "TO_BOOL_INT"),
                               (["", "x"] * 50, 50, "TO_BOOL_STR"),
                               ([None] * 50, 0, "TO_BOOL_NONE"),
                               ([True, False] * 50, 50, "TO_BOOL_BOOL")):
            r, s = stats_delta(truth_loop, xs)
            self.assertEqual(r, want, form)
            self.assertGreaterEqual(s.get("form." + form, 0), len(xs) - 2, form)

    def test_big_ints_compare_generically(self):
        big = 1 << 100
        r, s = stats_delta(compare_loop, [big - 1, big, big + 1] * 20, big)
        self.assertEqual(r, (20, 20, 40))
        self.assertEqual(s.get("form.COMPARE_OP_INT", 0), 0)


@unittest.skipUnless(sigil.info()["mode"] in ("interp", "jit"), "needs Sigil's interpreter")
class GuardsAndDeopt(unittest.TestCase):
    def test_subclass_is_not_fast_pathed(self):
        xs = [1] * 100 + [MyInt(5)]
        # The final add has an int subclass on the left: its __add__ runs.
        r, s = stats_delta(last_add, xs)
        self.assertEqual(r, "overridden")
        self.assertGreaterEqual(s.get("BINARY_OP.misses", 0), 1)

    def test_type_switch_deopts_and_respecializes(self):
        # float + float specializes, float + int misses until the word is
        # deoptimized (no form fits), then pure floats specialize again.
        xs = [1.5] * 50 + [2] * 50 + [0.25] * 5000
        r, s = stats_delta(float_sum, xs)
        self.assertEqual(r, 1.5 * 50 + 2 * 50 + 0.25 * 5000)
        self.assertGreaterEqual(s.get("BINARY_OP.misses", 0), 1)
        self.assertGreaterEqual(s.get("BINARY_OP.deopts", 0), 1)
        self.assertGreaterEqual(s.get("form.BINARY_OP_ADD_FLOAT", 0), 4000)

    def test_threads_share_words(self):
        # 8 threads run the same code while its words specialize and
        # deoptimize under them; every result must be exact.
        errors = []
        shared = fresh(add_loop)
        def work(tid):
            for rnd in range(30):
                xs = list(range(200)) if (rnd + tid) % 2 else [0.5] * 200
                want = sum(xs)
                if shared(xs) != want:
                    errors.append((tid, rnd))
        before = sigil.stats()["memory.spec_memory_bytes"]
        ts = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        self.assertEqual(errors, [])
        # Words are shared: running the same code on 8 threads adds no
        # per-thread copies (only tables for code first run here).
        after = sigil.stats()["memory.spec_memory_bytes"]
        self.assertLess(after - before, 64 * 1024)


if __name__ == "__main__":
    unittest.main()
