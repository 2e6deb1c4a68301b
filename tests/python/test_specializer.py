"""The specializer picks each form for its intended operands, falls back
(and eventually deoptimizes) when a guard fails, and never changes results.

Run by sigil-python in mode interp (the default); every check reads
sigil.stats(), whose per-form and per-family counters are the specializer's
own bookkeeping."""
import collections
import gc
import sigil
import sys
import threading
import os
import unittest
from types import SimpleNamespace
import weakref

# every check below reads per-execution counters (form.*, FAMILY.generic)
sigil.count_executions(True)


def fresh(fn):
    """A copy of fn with its own code object, hence its own words."""
    return type(fn)(fn.__code__.replace(), fn.__globals__, fn.__name__, None, fn.__closure__)


def builtin_hits(s):
    """Hits of the world-version builtin forms: the keyed one a site starts
    with and the index-and-name one it is demoted to."""
    return s.get("form.LOAD_GLOBAL_BUILTIN", 0) + s.get("form.LOAD_GLOBAL_BUILTIN_KEYED", 0)


def world_guard_misses(s):
    return (s.get("guard.LOAD_GLOBAL_BUILTIN.GUARD_WORLD_VERSION", 0) +
            s.get("guard.LOAD_GLOBAL_BUILTIN_KEYED.GUARD_WORLD_VERSION", 0))


def in_thread(fn, *args):
    """fn(*args) run on a new thread (which then owns nothing the caller
    made); its result."""
    out = []
    t = threading.Thread(target=lambda: out.append(fn(*args)))
    t.start()
    t.join()
    return out[0]


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


def float_mod_loop(xs):
    r = 0.0
    for x in xs:
        r = x % 2.0
    return r


def float_churn(n):
    """Floats made and dropped by the float forms every iteration, every
    seventh kept alive: the inline allocation must never hand out a float
    that is still referenced, nor the inline free drop one that is."""
    keep = []
    x = 1.5
    for i in range(n):
        y = x * 1.0001
        x = (y + 0.5) - 0.5
        if i % 7 == 0:
            keep.append(y)
    return keep, x


def compare_all_loop(pairs):
    """Each of the six comparisons over (a, b) pairs, as tuples of bools."""
    out = []
    for a, b in pairs:
        out.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
    return out


def truth_loop(xs):
    n = 0
    for x in xs:
        if x:
            n += 1
    return n


def concat_other(xs):
    # (not "": both locals would hold the one empty string, and the store
    # to prev would look like an in-place concatenation at first)
    total = "s"
    prev = "p"
    for x in xs:
        prev = total + "!"
        total = total + x
    return total, prev


def inplace_concat(xs):
    s = ""
    for x in xs:
        s += x
    return s


def inplace_concat_aliased(xs):
    s = ""
    seen = []
    for x in xs:
        seen.append(s)
        s += x
    return s, seen


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


def float_sum_div(xs):
    total = 0.0
    for x in xs:
        total = total + (x / 2.0 + x ** 0.5)
    return total


def float_temporaries(xs):
    out = []
    for x in xs:
        y = x
        out.append(((y + 1.0) * y - y, x))
    return out


class MyInt(int):
    def __add__(self, other):
        return "overridden"


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def attr_loop(points):
    total = 0
    for p in points:
        total = total + p.x + p.y
    return total


def method_loop(points):
    total = 0
    for p in points:
        total = total + p.norm1()
    return total


class Swappable:
    def m(self):
        return 1


def add2(a, b):
    return a + b


def call_loop(fn, n):
    total = 0
    for i in range(n):
        total = total + fn(i, 1)
    return total


def bound_loop(bound, n):
    total = 0
    for _ in range(n):
        total = total + bound()
    return total


class Slotted:
    __slots__ = ("a", "b")
    # interned, hence immortal however this file is loaded: a constant not
    # shaped like a name is immortal when the module is imported but mortal
    # when the file runs as __main__, and records cache no mortal str
    k = sys.intern("class-k")

    def __init__(self, a, b):
        self.a = a
        self.b = b

    def m(self):
        return self.a


class WithProp:
    k = 5

    def __init__(self, v):
        self.v = v

    @property
    def p(self):
        return self.v * 2


class LazyExc(Exception):
    def m(self):
        return "lazy"


def attr_forms_loop(objs, n):
    s, w, e = objs
    t = []
    for i in range(n):
        s.a = i
        t.append((s.a, s.b, s.m(), s.k, Slotted.k, WithProp.k, w.k, w.p, e.m(), "ab".upper()))
    return t


@unittest.skipUnless(sigil.info()["mode"] in ("interp", "jit"), "needs Sigil's interpreter")
def int_ops_loop(pairs):
    out = []
    for a, b in pairs:
        row = []
        for k in range(7):
            try:
                if k == 0:
                    r = a % b
                elif k == 1:
                    r = a // b
                elif k == 2:
                    r = a & b
                elif k == 3:
                    r = a | b
                elif k == 4:
                    r = a ^ b
                elif k == 5:
                    r = a >> b
                elif b <= 200:
                    r = a << b
                else:
                    r = "huge"   # a << b would take gigabytes
            except (ZeroDivisionError, ValueError) as e:
                r = type(e).__name__
            row.append(r)
        out.append(tuple(row))
    return out


def int_ops_reference(pairs):
    import operator
    fns = (operator.mod, operator.floordiv, operator.and_, operator.or_, operator.xor,
           operator.rshift, operator.lshift)
    out = []
    for a, b in pairs:
        row = []
        for fn in fns:
            if fn is operator.lshift and b > 200:
                row.append("huge")
                continue
            try:
                row.append(fn(a, b))
            except (ZeroDivisionError, ValueError) as e:
                row.append(type(e).__name__)
        out.append(tuple(row))
    return out


def float_arith_loop(pairs):
    out = []
    for a, b in pairs:
        row = []
        for k in range(5):
            try:
                if k == 0:
                    r = a + b
                elif k == 1:
                    r = a - b
                elif k == 2:
                    r = a * b
                elif k == 3:
                    r = a / b
                else:
                    r = a ** b
            except (ZeroDivisionError, OverflowError, ValueError) as e:
                r = (type(e).__name__, str(e))
            row.append(repr(r))
        out.append(tuple(row))
    return out


def float_arith_reference(pairs):
    import operator
    out = []
    for a, b in pairs:
        row = []
        for fn in (operator.add, operator.sub, operator.mul, operator.truediv, operator.pow):
            try:
                r = fn(a, b)
            except (ZeroDivisionError, OverflowError, ValueError) as e:
                r = (type(e).__name__, str(e))
            row.append(repr(r))
        out.append(tuple(row))
    return out


class Holder:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


class HolderSlots:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


class HolderProp:
    kind = 3

    def __init__(self, v):
        self._v = v

    @property
    def v(self):
        return self._v

    def get(self):
        return self._v


def borrow_attr(objs):
    t = 0
    for o in objs:
        t += o.v
    return t


def borrow_method(objs):
    t = 0
    for o in objs:
        t += o.get()
    return t


def borrow_class_attr(classes):
    t = 0
    for c in classes:
        t += c.kind
    return t


class BorrowedOwners(unittest.TestCase):
    """LOAD_FAST then an attribute form that consumes the owner runs with
    the owner borrowed from the local: no reference counted, none lost,
    and a guard that misses gives the stack its reference back before the
    generic instruction runs."""

    def counts(self, objs):
        return [sys.getrefcount(o) for o in objs]

    def test_instance_attribute_runs_borrowed(self):
        objs = [Holder(i) for i in range(300)]
        before = self.counts(objs)
        r, s = stats_delta(borrow_attr, objs)
        self.assertEqual(r, sum(range(300)))
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_INSTANCE_VALUE", 0), 290, s)
        self.assertGreaterEqual(s.get("eval.owners_borrowed", 0), 290, s)
        self.assertEqual(self.counts(objs), before)

    def test_slot_and_class_attribute_run_borrowed(self):
        objs = [HolderSlots(i) for i in range(300)]
        before = self.counts(objs)
        r, s = stats_delta(borrow_attr, objs)
        self.assertEqual(r, sum(range(300)))
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_SLOT", 0), 290, s)
        self.assertGreaterEqual(s.get("eval.owners_borrowed", 0), 290, s)
        self.assertEqual(self.counts(objs), before)
        classes = [HolderProp] * 300
        before = sys.getrefcount(HolderProp)
        r, s = stats_delta(borrow_class_attr, classes)
        self.assertEqual(sys.getrefcount(HolderProp), before)
        self.assertEqual(r, 900)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS", 0), 290, s)
        self.assertGreaterEqual(s.get("eval.owners_borrowed", 0), 290, s)

    def test_method_self_gets_its_reference(self):
        objs = [Holder(i) for i in range(300)]
        before = self.counts(objs)
        r, s = stats_delta(borrow_method, objs)
        self.assertEqual(r, sum(range(300)))
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_METHOD_WITH_VALUES", 0), 290, s)
        self.assertGreaterEqual(s.get("eval.owners_borrowed", 0), 290, s)
        self.assertEqual(self.counts(objs), before)

    def test_guard_miss_gives_the_reference_back(self):
        # Specialized for Holder, then met by other types: each miss takes
        # the generic path with the owner counted again.
        fn = fresh(borrow_attr)
        warm = [Holder(i) for i in range(200)]
        self.assertEqual(fn(warm), sum(range(200)))
        others = [HolderSlots(i) for i in range(100)] + [HolderProp(i) for i in range(100)]
        before = self.counts(others)
        sigil.reset_stats()
        self.assertEqual(fn(others), 2 * sum(range(100)))
        s = {k: v for k, v in sigil.stats().items() if v}
        misses = sum(v for k, v in s.items() if k.startswith("guard.LOAD_ATTR_"))
        self.assertGreaterEqual(misses, 1, s)
        self.assertEqual(self.counts(others), before)

    def test_polymorphic_site_with_an_entry_that_cannot_borrow(self):
        # One site, three receiver types: an instance value, a slot, and a
        # property getter (a frame: that entry takes the owner counted).
        objs = []
        for i in range(120):
            objs += [Holder(i), HolderSlots(i), HolderProp(i)]
        before = self.counts(objs)
        fn = fresh(borrow_attr)
        for _ in range(3):
            self.assertEqual(fn(objs), 3 * sum(range(120)))
        sigil.reset_stats()
        self.assertEqual(fn(objs), 3 * sum(range(120)))
        s = {k: v for k, v in sigil.stats().items() if v}
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_POLY", 0), 300, s)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_PROPERTY", 0), 100, s)
        self.assertGreaterEqual(s.get("eval.owners_borrowed", 0), 200, s)
        self.assertEqual(self.counts(objs), before)

    def test_rebinding_the_local_in_the_loop(self):
        # The local is rebound right after each borrowed load; the owner it
        # held is released exactly once (the last reference is the list's).
        import weakref
        objs = [Holder(i) for i in range(50)]
        refs = [weakref.ref(o) for o in objs]

        def loop(objs):
            t = 0
            o = None
            for i in range(len(objs)):
                o = objs[i]
                t += o.v
                o = None
                objs[i] = None
            return t

        self.assertEqual(fresh(loop)(objs), sum(range(50)))
        del objs
        self.assertTrue(all(r() is None for r in refs))

    def test_stores_run_borrowed(self):
        # `o.v = value` (LOAD_FAST_LOAD_FAST then STORE_ATTR) on instance
        # values, slots, and one site meeting both and a dict-backed
        # instance (a hinted store: that entry takes the owner counted).
        class Plain:
            pass

        def store(objs, value):
            for o in objs:
                o.v = value
        for make, form in ((Holder, "STORE_ATTR_INSTANCE_VALUE"), (HolderSlots, "STORE_ATTR_SLOT")):
            objs = [make(i) for i in range(300)]
            value = object()
            before = self.counts(objs + [value])
            r, s = stats_delta(store, objs, value)
            self.assertTrue(all(o.v is value for o in objs))
            self.assertGreaterEqual(s.get("form." + form, 0), 290, s)
            self.assertGreaterEqual(s.get("eval.owners_borrowed", 0), 290, s)
            store(objs, None)
            self.assertEqual(self.counts(objs + [value]), before)
        hinted = Plain()
        hinted.__dict__.update({"k%d" % i: i for i in range(40)})
        objs = []
        for i in range(100):
            objs += [Holder(i), HolderSlots(i), hinted]
        value = object()
        fn = fresh(store)
        for _ in range(3):
            fn(objs, value)
        before = self.counts(objs + [value])
        sigil.reset_stats()
        fn(objs, value)
        s = {k: v for k, v in sigil.stats().items() if v}
        self.assertGreaterEqual(s.get("form.STORE_ATTR_POLY", 0), 250, s)
        self.assertGreaterEqual(s.get("eval.owners_borrowed", 0), 150, s)
        self.assertTrue(all(o.v is value for o in objs))
        self.assertEqual(self.counts(objs + [value]), before)

    def test_store_whose_release_frees_the_owner(self):
        # The old value's __del__, run by the borrowed store's release,
        # rebinds the local that held the owner. Under the stock loop the
        # stack's reference keeps the owner until the instruction ends, so
        # the owner dies after that __del__ returns, not inside it: the
        # borrowed store must keep that order (and not touch a freed
        # owner). Plain values (an int replacing an int) keep the owner
        # borrowed.
        events = []   # not a class attribute: a store to the class moves its version

        class Box:
            def __init__(self):
                self.v = None

            def __del__(self):
                events.append("owner freed")

        class Rebinder:
            def __del__(self):
                events.append("finalizer starts")
                sys._getframe(1).f_locals["o"] = None
                events.append("finalizer ends")

        def loop(n):
            t = 0
            for i in range(n):
                o = Box()
                o.v = Rebinder()
                o.v = i
                t += i if o is None else -1
            return t

        def plain(objs):
            for o in objs:
                o.v = 1
                o.v = 2
        r, s = stats_delta(loop, 200)
        self.assertEqual(r, sum(range(200)))
        self.assertEqual(events, ["finalizer starts", "finalizer ends", "owner freed"] * 200)
        self.assertGreaterEqual(s.get("form.STORE_ATTR_INSTANCE_VALUE", 0), 300, s)
        objs = [Holder(i) for i in range(300)]
        before = self.counts(objs)
        r, s = stats_delta(plain, objs)
        self.assertGreaterEqual(s.get("eval.owners_borrowed", 0), 2 * 290, s)
        self.assertEqual(self.counts(objs), before)


def operand_float_loop(sa, sb, n):
    # a and b are fresh floats whose one reference is the local's: a
    # borrowed operand that took the result in place would change them.
    a = float(sa)
    b = float(sb)
    t = 0.0
    c = d = e = 0.0
    for _ in range(n):
        c = a * b          # both borrowed (LOAD_FAST_LOAD_FAST)
        d = b - a
        e = (c + 1.0) + a  # the top one borrowed, the temporary reused
        if a < b:          # comparison, both borrowed
            t = t + e
    return a, b, c, d, e, t


def operand_int_loop(xs, n):
    # Big ints (not compact, not immortal): CPython's arithmetic on them.
    big, other = xs
    s = 0
    for i in range(n):
        s = big + other
        s = s - big
        k = i * i
        if i < k:
            s = s + i
    return s


def operand_subscripts(lst, tup, st, n):
    t = 0
    u = ""
    for i in range(n):
        j = i % 3
        t = t + lst[j] + tup[j]
        u = st[j]
        t = t + lst[i % 3]
    return t, u


def operand_mul(a, b):
    return a * b


def operand_index(lst, i):
    try:
        return lst[i]
    except IndexError:
        return None


class BorrowedOperands(unittest.TestCase):
    """LOAD_FAST or LOAD_FAST_LOAD_FAST then a binary form (int and float
    arithmetic and comparison, list subscript) runs on operands borrowed from
    the locals: no reference counted, none lost, a local's float never
    takes a result in place, and a miss or an exception leaves every
    count as it was."""

    def test_float_locals_keep_their_values(self):
        r, s = stats_delta(operand_float_loop, "1.5", "2.25", 300)
        self.assertEqual(r, (1.5, 2.25, 3.375, 0.75, 5.875, 300 * 5.875))
        self.assertGreaterEqual(s.get("form.BINARY_OP_MULTIPLY_FLOAT", 0), 290, s)
        self.assertGreaterEqual(s.get("form.COMPARE_OP_FLOAT", 0), 290, s)
        # c = a * b, d = b - a, a < b: two each; e's `+ a`: one
        self.assertGreaterEqual(s.get("eval.operands_borrowed", 0), 7 * 290, s)

    def test_big_ints_counted_exactly(self):
        xs = [10 ** 30 + 7, 3 * 10 ** 25]
        before = [sys.getrefcount(x) for x in xs]
        r, s = stats_delta(operand_int_loop, xs, 300)
        self.assertEqual(r, xs[1] + 299)
        self.assertGreaterEqual(s.get("form.BINARY_OP_ADD_INT", 0), 290, s)
        self.assertGreaterEqual(s.get("eval.operands_borrowed", 0), 4 * 290, s)
        self.assertEqual([sys.getrefcount(x) for x in xs], before)

    def test_subscripts(self):
        # List subscripts run borrowed; tuple and str subscripts after the
        # same LOAD_FAST_LOAD_FAST count both references as usual.
        lst = [10 ** 20, 2 * 10 ** 20, 3 * 10 ** 20]
        tup = tuple(x + 1 for x in lst)
        st = "ab\u20ac"
        objs = [lst, tup, st] + lst + list(tup)
        before = [sys.getrefcount(o) for o in objs]
        r, s = stats_delta(operand_subscripts, lst, tup, st, 300)
        want = sum(2 * lst[i % 3] + tup[i % 3] for i in range(300))
        self.assertEqual(r, (want, st[299 % 3]))
        self.assertGreaterEqual(s.get("form.BINARY_SUBSCR_LIST_INT", 0), 590, s)
        self.assertGreaterEqual(s.get("form.BINARY_SUBSCR_TUPLE_INT", 0), 290, s)
        self.assertGreaterEqual(s.get("form.BINARY_SUBSCR_STR_INT", 0), 290, s)
        # lst[j]: j (LOAD_FAST_LOAD_FAST t lst pushed the list before it)
        self.assertGreaterEqual(s.get("eval.operands_borrowed", 0), 290, s)
        self.assertEqual([sys.getrefcount(o) for o in objs], before)

    def test_index_error_on_borrowed_operands(self):
        fn = fresh(operand_index)
        lst = [object() for _ in range(4)]
        for _ in range(3):
            for i in range(4):
                self.assertIs(fn(lst, i), lst[i])
        items = [sys.getrefcount(o) for o in lst]
        before = sys.getrefcount(lst)
        sigil.reset_stats()
        for _ in range(200):
            self.assertIsNone(fn(lst, 7))
        s = {k: v for k, v in sigil.stats().items() if v}
        self.assertGreaterEqual(s.get("form.BINARY_SUBSCR_LIST_INT", 0), 190, s)
        self.assertEqual(sys.getrefcount(lst), before)
        self.assertEqual([sys.getrefcount(o) for o in lst], items)

    def test_guard_miss_gives_the_references_back(self):
        # Specialized for two floats, then met by a list and an int: each
        # miss runs the generic instruction with both counted again.
        fn = fresh(operand_mul)
        for _ in range(200):
            self.assertEqual(fn(1.5, 2.0), 3.0)
        lst = [object()]
        n = 1000 + 7
        before = (sys.getrefcount(lst), sys.getrefcount(n))
        sigil.reset_stats()
        for _ in range(100):
            self.assertEqual(len(fn(lst, n)), n)
        s = {k: v for k, v in sigil.stats().items() if v}
        misses = sum(v for k, v in s.items() if k.startswith("guard.BINARY_OP_"))
        self.assertGreaterEqual(misses, 1, s)
        self.assertEqual((sys.getrefcount(lst), sys.getrefcount(n)), before)


class Forms(unittest.TestCase):
    def test_float_arith(self):
        # Mixed float/int +, -, *, float and int /, and ** on a positive
        # finite base: one form with the results (sign of zero, overflow
        # and its message included) of CPython's float and int slots; a
        # zero divisor, a negative or non-finite base, big ints and bools
        # miss and run the generic instruction
        warm = [(1.5, 2)] * 60
        odd = [(2, 1.5), (0, -5), (-0.0, 3), (7, 0), (7.0, 0.0), (1e308, 10), (2.0, -1074),
               (1.5, -2000), (-2.0, 0.5), (-1.5, 3), (0, 0), (2 ** 40, 3.0), (3.0, 2 ** 70),
               (float("inf"), 2), (float("nan"), 1), (3, 7), (-3, 7), (10.0, 400),
               (1.0, 1e300), (5.0, 2 ** 29), (2.5, True), (2 ** 30 - 1, 0.5)]
        pairs = warm + odd
        r, s = stats_delta(float_arith_loop, pairs)
        self.assertEqual(r, float_arith_reference(pairs))
        self.assertGreaterEqual(s.get("form.BINARY_OP_FLOAT_ARITH", 0), 5 * 55, s)
        self.assertGreaterEqual(s.get("guard.BINARY_OP_FLOAT_ARITH.GUARD_FLOAT_ARITH", 0), 5, s)
        # float / float and float ** float take it too; int + int does not
        r, s = stats_delta(float_sum_div, [3.0] * 200)
        import functools, operator
        self.assertEqual(r, functools.reduce(operator.add, [3.0 / 2.0 + 3.0 ** 0.5] * 200, 0.0))
        self.assertGreaterEqual(s.get("form.BINARY_OP_FLOAT_ARITH", 0), 2 * 190, s)
        r, s = stats_delta(add_loop, list(range(100)))
        self.assertEqual(s.get("form.BINARY_OP_FLOAT_ARITH", 0), 0, s)

    def test_float_result_reuse(self):
        # A result may go into an operand only the stack holds: never into
        # a float a local, a list or another expression still sees
        xs = [float(i) + 0.5 for i in range(200)]
        before = [repr(x) for x in xs]
        r, s = stats_delta(float_temporaries, xs)
        self.assertEqual([repr(x) for x in xs], before)
        self.assertEqual(r, [((x + 1.0) * x - x, x) for x in xs])
        self.assertGreaterEqual(s.get("form.BINARY_OP_MULTIPLY_FLOAT", 0), 190, s)

    def test_compact_int_operators(self):
        # %, //, &, |, ^, >>, << on compact ints: one form, Python's
        # semantics for signs (floor division, remainder of the divisor's
        # sign); a zero divisor, a negative or long shift and big ints miss
        # and run the generic instruction (its result or its exception)
        warm = [(17, 5)] * 60
        odd = [(-17, 5), (17, -5), (-17, -5), (2 ** 30 - 1, 7), (-(2 ** 30 - 1), 2),
               (7, 0), (5, -1), (3, 40), (-3, 33), (-8, 64), (2 ** 65, 3), (3, 31), (-1, 32)]
        pairs = warm + odd
        r, s = stats_delta(int_ops_loop, pairs)
        self.assertEqual(r, int_ops_reference(pairs))
        self.assertGreaterEqual(s.get("form.BINARY_OP_INT64", 0), 7 * 55, s)
        self.assertGreaterEqual(s.get("guard.BINARY_OP_INT64.GUARD_INT_OPERANDS_FIT", 0), 4, s)
        self.assertGreaterEqual(s.get("guard.BINARY_OP_INT64.GUARD_BOTH_INT62", 0), 1, s)
        # in-place operators take the same form
        def inplace(n):
            x = 0
            for i in range(n):
                y = i
                y %= 7
                y <<= 2
                y ^= 5
                x += y
            return x
        r, s = stats_delta(inplace, 200)
        self.assertEqual(r, sum(((i % 7) << 2) ^ 5 for i in range(200)))
        self.assertGreaterEqual(s.get("form.BINARY_OP_INT64", 0), 3 * 190, s)

    def test_int64_operators(self):
        # the same form on ints of two and three digits (below 2**62 in
        # magnitude), the LCG shape `(s * k + c) & mask`, `>> 8`, `% n`;
        # 2**62 and beyond, and a left shift whose result would reach
        # 2**62, miss to the generic instruction
        big = 2 ** 62
        warm = [(3 * 2 ** 40 + 17, 2 ** 31 - 1)] * 60
        odd = [(big - 1, 3), (-(big - 1), 7), (2 ** 61 + 12345, -(2 ** 40)),
               (-(2 ** 60), 2 ** 31 - 1), (2 ** 30, -(2 ** 30)), (2 ** 60 - 1, 2 ** 60),
               (2 ** 59, 2), (2 ** 59, 3), (-(2 ** 59), 3), (1, 61), (1, 62), (3, 70),
               (-5, 100), (2 ** 45, 0), (2 ** 45, -3), (big, 3), (3, big), (-big, -big + 1)]
        pairs = warm + odd
        r, s = stats_delta(int_ops_loop, pairs)
        self.assertEqual(r, int_ops_reference(pairs))
        self.assertGreaterEqual(s.get("form.BINARY_OP_INT64", 0), 7 * 55, s)
        self.assertGreaterEqual(s.get("guard.BINARY_OP_INT64.GUARD_INT_OPERANDS_FIT", 0), 4, s)
        self.assertGreaterEqual(s.get("guard.BINARY_OP_INT64.GUARD_BOTH_INT62", 0), 3, s)

        def lcg(n):
            state, out = 12345, 0
            for _ in range(n):
                state = (state * 1103515245 + 12345) & 0x7FFFFFFF
                out += (state >> 8) % 97
            return out
        r, s = stats_delta(lcg, 300)
        self.assertEqual(r, 15110)
        self.assertGreaterEqual(s.get("form.BINARY_OP_INT64", 0), 3 * 250, s)

    def test_int64_operands_that_always_miss_are_not_specialized(self):
        # `1 // 0` in a try block: the form would miss at every execution
        # and deopt every eight; the chooser refuses such operands
        # (fail.operands_fit), and the refusals back off
        def divide_by_zero(n):
            caught = 0
            for i in range(n):
                try:
                    1 // (i - i)
                except ZeroDivisionError:
                    caught += 1
            return caught
        r, s = stats_delta(divide_by_zero, 20000)
        self.assertEqual(r, 20000)
        self.assertEqual(s.get("BINARY_OP.deopts", 0), 0, s)
        self.assertGreaterEqual(s.get("BINARY_OP.fail.operands_fit", 0), 1, s)
        self.assertLessEqual(s.get("BINARY_OP.fail.operands_fit", 0), 20, s)

    def test_operands_that_change_kind_take_the_numeric_form(self):
        # `s = s + x * 2` over ints and floats in runs of 8: the narrow
        # forms deopted every 8 misses (218,001 deopts in 3.5 M
        # executions); once the site has deopted, + - * take the form for
        # both kinds, which keeps int results ints (any size) and computes
        # float results as the float forms do
        def mixed(xs):
            s = 0
            out = []
            for x in xs:
                s = s + x * 2
                out.append(s - x)
            return s, out
        xs = ([3] * 8 + [2.5] * 8) * 200 + [2 ** 70, 7, 2 ** 40 + 0.5, -4]
        r, s = stats_delta(mixed, xs)
        want_s, want_out = 0, []
        for x in xs:
            want_s = want_s + x * 2
            want_out.append(want_s - x)
        self.assertEqual(r[0], want_s)
        self.assertEqual([(type(v), v) for v in r[1]], [(type(v), v) for v in want_out])
        self.assertGreaterEqual(s.get("form.BINARY_OP_NUMERIC", 0), 3 * 3000, s)
        self.assertLessEqual(s.get("BINARY_OP.deopts", 0), 12, s)
        self.assertGreaterEqual(s.get("guard.BINARY_OP_NUMERIC.GUARD_NUMERIC", 0), 1, s)

    def test_numbers_of_both_kinds_compare_in_one_form(self):
        # an int against a float (`x < 0.5`), which 3.13 leaves generic,
        # and a site whose pairs alternate between ints and floats (the
        # narrow forms deopted every 8 misses): one form compares both as
        # doubles, exactly (compact ints convert exactly), NaN included;
        # a big int misses to the generic instruction
        def cmp_all(pairs):
            out = []
            for a, b in pairs:
                out.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
            return out
        nan = float("nan")
        pairs = ([(1, 2.5), (3, 0.5), (2, 2.0)] * 100 + [(1, 2)] * 8 + [(1.5, -0.0)] * 8 +
                 [(0, -0.0), (nan, 1), (1, nan), (2 ** 29, 2.0 ** 29), (-(2 ** 29), -5.5),
                  (2 ** 70, 1.0), (1.0, 2 ** 70), (True, 1.0)]) * 3
        r, s = stats_delta(cmp_all, pairs)
        self.assertEqual(r, [(a < b, a <= b, a == b, a != b, a > b, a >= b) for a, b in pairs])
        self.assertGreaterEqual(s.get("form.COMPARE_OP_NUMERIC", 0), 6 * 800, s)
        self.assertLessEqual(s.get("COMPARE_OP.deopts", 0), 12, s)
        self.assertGreaterEqual(s.get("guard.COMPARE_OP_NUMERIC.GUARD_BOTH_NUMERIC", 0), 6, s)

    def test_lists_and_tuples_subscripted_in_one_form(self):
        # one `x[i]` over lists and tuples in runs of 8 (a function called
        # with either): the narrow forms deopted every 8 misses; once the
        # site has deopted, one form reads both, with IndexError where due
        def firsts(objs, i):
            out = []
            for o in objs:
                try:
                    out.append(o[i])
                except IndexError:
                    out.append("IndexError")
            return out
        objs = ([[1, 2, 3]] * 8 + [(4, 5, 6)] * 8) * 100 + [[7], (8,), [], ()]
        for i in (0, 2):
            with self.subTest(i=i):
                r, s = stats_delta(firsts, objs, i)
                want = []
                for o in objs:
                    want.append(o[i] if i < len(o) else "IndexError")
                self.assertEqual(r, want)
                self.assertGreaterEqual(s.get("form.BINARY_SUBSCR_SEQUENCE_INT", 0), 1400, s)
                self.assertLessEqual(s.get("BINARY_SUBSCR.deopts", 0), 12, s)

    def test_values_of_changing_kinds_tested_in_one_form(self):
        # `if v:` over ints, None, strs, floats, containers and instances
        # of one class without __bool__, in runs of 8: the narrow forms
        # deopted every 8 misses; once the site has deopted, one form
        # answers them all. A class with __len__ misses (its __len__ runs
        # in the generic instruction), and so does a second class.
        class Plain:
            pass

        class Sized:
            def __init__(self, n):
                self.n = n

            def __len__(self):
                return self.n

        class Other:
            pass

        def truths(objs):
            out = []
            for o in objs:
                if o:
                    out.append(1)
                else:
                    out.append(0)
            return out
        kinds = [0, 7, None, "", "x", 0.0, -2.5, [], [0], (), (0,), {}, {1: 2}, set(), {3},
                 True, False, Plain(), -(2 ** 70)]
        objs = []
        for k in kinds:
            objs += [k] * 8
        objs = objs * 20 + [Sized(0), Sized(2), Other(), float("nan")]
        r, s = stats_delta(truths, objs)
        self.assertEqual(r, [1 if o else 0 for o in objs])
        self.assertGreaterEqual(s.get("form.TO_BOOL_MIXED", 0), len(kinds) * 8 * 15, s)
        self.assertLessEqual(s.get("TO_BOOL.deopts", 0), 12, s)
        self.assertGreaterEqual(s.get("guard.TO_BOOL_MIXED.GUARD_TOS_TRUTH_MIXED", 0), 2, s)

        # a class given __bool__ after its instances were tested: its
        # version changes, and the form no longer takes it as always true
        flips = ([None] * 8 + [Plain() for _ in range(4)]) * 30
        f = fresh(truths)
        sigil.reset_stats()
        self.assertEqual(f(flips), ([0] * 8 + [1] * 4) * 30)
        s = sigil.stats()
        self.assertGreaterEqual(s.get("form.TO_BOOL_MIXED", 0), 12 * 20, s)
        Plain.__bool__ = lambda self: False
        sigil.reset_stats()
        self.assertEqual(f(flips), [0] * (12 * 30))
        s = sigil.stats()
        self.assertGreaterEqual(s.get("guard.TO_BOOL_MIXED.GUARD_TOS_TRUTH_MIXED", 0), 1, s)

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
        # total = total + x stores back to the left operand's local.
        self.assertGreaterEqual(s.get("form.BINARY_OP_INPLACE_ADD_UNICODE", 0), 98)
        r, s = stats_delta(concat_other, ["ab"] * 100)
        self.assertEqual(r, ("s" + "ab" * 100, "s" + "ab" * 99 + "!"))
        self.assertGreaterEqual(s.get("form.BINARY_OP_ADD_UNICODE", 0), 98)

    def test_inplace_str_concat(self):
        # In place only when the local holds the only reference: a string
        # another name still refers to is never changed.
        r, s = stats_delta(inplace_concat, ["xy"] * 200)
        self.assertEqual(r, "xy" * 200)
        self.assertGreaterEqual(s.get("form.BINARY_OP_INPLACE_ADD_UNICODE", 0), 190)
        r, s = stats_delta(inplace_concat_aliased, ["xy"] * 200)
        self.assertEqual(r[0], "xy" * 200)
        self.assertEqual(r[1], ["xy" * i for i in range(200)])
        self.assertGreaterEqual(s.get("form.BINARY_OP_INPLACE_ADD_UNICODE", 0), 190)
        # A non-str operand misses, the generic path raises as usual.
        with self.assertRaises(TypeError):
            fresh(inplace_concat)(["a"] * 50 + [1])
        r, s = stats_delta(inplace_concat, ["a"] * 50 + ["b"])
        self.assertEqual(r, "a" * 50 + "b")

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

    def test_str_compare(self):
        words = ["a", "b", "c"] * 50
        r, s = stats_delta(compare_loop, words, "b")
        self.assertEqual(r, (50, 50, 100))
        # '<', '==' and '!=' all run in COMPARE_OP_STR.
        self.assertGreaterEqual(s.get("form.COMPARE_OP_STR", 0), 447)
        self.assertEqual(s.get("COMPARE_OP.failures", 0), 0)

    def test_str_compare_all_operators_by_code_point(self):
        # Strings of each storage kind (1, 2 and 4 bytes per code point),
        # prefixes, the empty string and equal strings that are different
        # objects: every operator must agree with Python's own str order.
        strs = ["", "a", "ab", "b", "abc", "\xe9", "\xe9t\xe9", "\u20ac", "\u20ac1",
                "\U0001f600", "a\U0001f600", "zz", "".join(["a", "b"])]
        pairs = [(a, b) for a in strs for b in strs] * 3
        want = [(a < b, a <= b, a == b, a != b, a > b, a >= b) for a, b in pairs]
        r, s = stats_delta(compare_all_loop, pairs)
        self.assertEqual(r, want)
        self.assertGreaterEqual(s.get("form.COMPARE_OP_STR", 0), 6 * (len(pairs) - 100))

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


    def test_instance_attribute(self):
        pts = [Point(i, -i) for i in range(300)]
        r, s = stats_delta(attr_loop, pts)
        self.assertEqual(r, 0)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_INSTANCE_VALUE", 0), 2 * 298)
        self.assertGreaterEqual(s.get("spec.records_published", 0), 2)

    def test_method_with_values(self):
        pts = [Point(i, 1) for i in range(300)]
        r, s = stats_delta(method_loop, pts)
        self.assertEqual(r, sum(range(300)) + 300)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_METHOD_WITH_VALUES", 0), 298)
        # The method call itself enters norm1 through the exact-args form.
        self.assertGreaterEqual(s.get("form.CALL_PY_EXACT_ARGS", 0), 298)

    def test_call_exact_args_and_bound_method(self):
        r, s = stats_delta(call_loop, add2, 400)
        self.assertEqual(r, sum(range(400)) + 400)
        self.assertGreaterEqual(s.get("form.CALL_PY_EXACT_ARGS", 0), 398)
        r, s = stats_delta(bound_loop, Point(3, 4).norm1, 300)
        self.assertEqual(r, 7 * 300)
        self.assertGreaterEqual(s.get("form.CALL_BOUND_METHOD_EXACT_ARGS", 0), 298)

    def test_builtin_global(self):
        def loop(n):
            t = 0
            for i in range(n):
                t = t + len((i, i))
            return t
        r, s = stats_delta(loop, 300)
        self.assertEqual(r, 600)
        self.assertGreaterEqual(s.get("form.LOAD_GLOBAL_BUILTIN_KEYED", 0), 298)

    def test_range_list_iteration_and_subscript(self):
        def loop(xs):
            t = 0
            for i in range(len(xs)):
                t = t + xs[i]
            for x in xs:
                t = t + x
            return t
        r, s = stats_delta(loop, list(range(400)))
        self.assertEqual(r, 2 * sum(range(400)))
        self.assertGreaterEqual(s.get("form.FOR_ITER_RANGE", 0), 398)
        self.assertGreaterEqual(s.get("form.FOR_ITER_LIST", 0), 398)
        self.assertGreaterEqual(s.get("form.BINARY_SUBSCR_LIST_INT", 0), 398)

    def test_store_attr_and_unpack(self):
        def loop(pts, pairs):
            for p, (a, b) in zip(pts, pairs):
                p.x = a
                p.y = b
            x, y, z = (1, 2, 3)
            return sum(p.x + p.y for p in pts) + x + y + z
        pts = [Point(0, 0) for _ in range(300)]
        pairs = [(i, 2 * i) for i in range(300)]
        r, s = stats_delta(loop, pts, pairs)
        self.assertEqual(r, 3 * sum(range(300)) + 6)
        self.assertGreaterEqual(s.get("form.STORE_ATTR_INSTANCE_VALUE", 0), 2 * 298)
        self.assertGreaterEqual(s.get("form.UNPACK_SEQUENCE_TWO_TUPLE", 0), 298)

    def test_builtin_calls(self):
        import math

        def loop(xs):
            t = 0
            for x in xs:
                t = t + len(x) + isinstance(x, tuple) + abs(-1) + math.gcd(6, 4)
            return t
        xs = [(1, 2)] * 200 + [[1]] * 100
        r, s = stats_delta(loop, xs)
        self.assertEqual(r, 200 * 2 + 100 * 1 + 200 + 300 + 300 * 2)
        self.assertGreaterEqual(s.get("form.CALL_LEN", 0), 298)
        self.assertGreaterEqual(s.get("form.CALL_ISINSTANCE", 0), 298)
        self.assertGreaterEqual(s.get("form.CALL_BUILTIN_O", 0), 298)      # abs
        self.assertGreaterEqual(s.get("form.CALL_BUILTIN_FAST", 0), 298)   # math.gcd

    def test_module_attribute(self):
        import math
        import types
        mod = types.ModuleType("m")
        mod.k = 1

        def loop(n, mod):
            t = 0.0
            for i in range(n):
                if i == 250:
                    mod.k = 2          # value change: same keys
                if i == 300:
                    mod.other = 0      # insertion: the keys version moves
                t = t + math.sqrt(4.0) + mod.k
            return t
        r, s = stats_delta(loop, 400, mod)
        self.assertEqual(r, 400 * 2.0 + 250 * 1 + 150 * 2)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_MODULE", 0), 600)

    def test_constants_made_immortal(self):
        # compile() (importlib's path) leaves number, bytes and tuple
        # constants mortal in 3.13t; Sigil immortalizes them when it first
        # runs the code, with CPython's rule: exact int/float/complex/bytes
        # and tuples of immortals, never a frozenset
        import test.support
        src = ("def f(x):\n"
               "    t = (1234567, 2.5, 3j, b'xy', (4.5, 99999))\n"
               "    return t + (x in {7.5, 8.5},)\n")
        ns = {}
        exec(compile(src, "<consts>", "exec"), ns)
        f = ns["f"]
        want = (1234567, 2.5, 3j, b'xy', (4.5, 99999))
        tup = [k for k in f.__code__.co_consts if isinstance(k, tuple) and len(k) == 5][0]
        fs = [k for k in f.__code__.co_consts if isinstance(k, frozenset)][0]
        self.assertEqual(tup, want)      # folded into one constant
        self.assertEqual(fs, frozenset({7.5, 8.5}))
        parts = list(tup) + [tup[4][0], tup[4][1], tup[4]]
        self.assertTrue(all(sys.getrefcount(c) < 1000 for c in parts + [fs]))
        before = sigil.stats()
        self.assertEqual(f(7.5), want + (True,))
        after = sigil.stats()
        for c in parts:
            self.assertGreater(sys.getrefcount(c), 2 ** 30, c)
        self.assertLess(sys.getrefcount(fs), 1000)
        self.assertGreater(sys.getrefcount(tup), 2 ** 30)
        self.assertGreaterEqual(after["runtime.consts_immortalized"]
                                - before["runtime.consts_immortalized"], 8)
        self.assertEqual(after["runtime.consts_stops"] - before["runtime.consts_stops"], 1)
        # a second run finds nothing left to do: no pause
        self.assertEqual(f(1.0), want + (False,))
        self.assertEqual(sigil.stats()["runtime.consts_stops"], after["runtime.consts_stops"])
        # CPython's switch is respected: nothing changes while it is off
        with test.support.suppress_immortalization():
            ns2 = {}
            exec(compile(src.replace("1234567", "7654321"), "<consts2>", "exec"), ns2)
            ns2["f"](0)
            tup2 = [k for k in ns2["f"].__code__.co_consts if isinstance(k, tuple) and len(k) == 5][0]
            self.assertLess(sys.getrefcount(tup2[0]), 1000)

    def test_respecialize_after_periodic_changes(self):
        # A site whose dependency changes now and then (the module's name
        # deleted and set again every 150 executions: it moves to a new
        # entry, a miss, a deopt) specializes again each time: a
        # successful publication undoes one step of the backoff that the
        # deopt added, so the wait does not ratchet up over the run and
        # most executions hit
        import types
        mod = types.ModuleType("m")
        mod.k = 1

        def loop(n, mod):
            t = 0
            for i in range(n):
                if i % 150 == 0:
                    delattr(mod, "k")
                    setattr(mod, "k", 1)    # appended at a new index
                t += mod.k
            return t
        r, s = stats_delta(loop, 6000, mod)
        self.assertEqual(r, 6000)
        self.assertGreaterEqual(s.get("LOAD_ATTR.deopts", 0), 20, s)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_MODULE", 0), 5000, s)

    def test_module_attr_ignores_other_names(self):
        # LOAD_ATTR_MODULE checks its own entry, not the keys version, so
        # other names added to and deleted from the module (new keys
        # objects' versions, a resize) do not make it miss; a value
        # rebound in place is seen at once
        import types
        mod = types.ModuleType("m")
        mod.k = 1

        def loop(n, mod):
            t = 0
            for i in range(n):
                if i % 50 == 0:
                    setattr(mod, "extra_%d" % i, i)
                    if i % 100 == 0:
                        delattr(mod, "extra_%d" % i)
                    mod.k = i % 7
                t += mod.k
            return t
        want = sum((i - i % 50) % 7 for i in range(3000))
        r, s = stats_delta(loop, 3000, mod)
        self.assertEqual(r, want)
        self.assertEqual(s.get("LOAD_ATTR.deopts", 0), 0, s)
        self.assertLessEqual(s.get("LOAD_ATTR.misses", 0), 0, s)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_MODULE", 0), 2900, s)
        # the name stored as an equal but distinct str (the form compares
        # keys by identity): not chosen, with its reason, still right
        mod2 = types.ModuleType("m2")
        mod2.__dict__["".join(["k", "k"])] = 5
        key = [k for k in mod2.__dict__ if k == "kk"][0]
        self.assertIsNot(key, sys.intern("kk"))

        def loop2(n, mod):
            t = 0
            for i in range(n):
                t += mod.kk
            return t
        r, s = stats_delta(loop2, 200, mod2)
        self.assertEqual(r, 1000)
        self.assertGreaterEqual(s.get("LOAD_ATTR.generic", 0), 200, s)   # every mod.kk
        self.assertGreaterEqual(s.get("LOAD_ATTR.fail.key_identity", 0), 1, s)

    def test_containers(self):
        def loop(t, d, s, lst, n):
            hits = 0
            for i in range(n):
                hits += t[i & 3] + d[i & 1]
                if i in s:
                    hits += 1
                if i not in d:
                    hits += 1
                if lst:
                    lst[i & 3] = i
                d[i & 1] = d[i & 1]
            return hits, lst
        r, s = stats_delta(loop, (1, 2, 3, 4), {0: 10, 1: 20}, frozenset({5, 7}), [0] * 4, 300)
        self.assertEqual(r, (sum((1, 2, 3, 4)[i & 3] + (10, 20)[i & 1] for i in range(300))
                             + 2 + 298, [296, 297, 298, 299]))
        for form in ("BINARY_SUBSCR_TUPLE_INT", "BINARY_SUBSCR_DICT", "CONTAINS_OP_SET",
                     "CONTAINS_OP_DICT", "TO_BOOL_LIST", "STORE_SUBSCR_LIST_INT",
                     "STORE_SUBSCR_DICT"):
            self.assertGreaterEqual(s.get("form." + form, 0), 290, form)

    def test_dict_lookup_keys(self):
        # BINARY_SUBSCR_DICT, CONTAINS_OP_DICT and CALL_DICT_GET answer
        # exact str and compact int keys with Sigil's own probe and hand
        # every other key (and every collision it cannot settle) to
        # CPython: each kind below must get dict's own answer, taken by
        # the method calls the specializer leaves alone.
        def loop(d, keys):
            out = []
            for k in keys:
                try:
                    out.append(d[k])
                except KeyError:
                    out.append("missing")
                out.append(k in d)
                out.append(d.get(k, "absent"))
            return out

        def reference(d, keys):
            out = []
            for k in keys:
                present = dict.__contains__(d, k)
                out += [dict.__getitem__(d, k) if present else "missing", present,
                        dict.__getitem__(d, k) if present else "absent"]
            return out
        made = "".join(["ru", "ntime"])      # a str with no hash yet
        big = 2 ** 80
        d = {1: "one", -1: "minus one", -2: "minus two", 3: "three", big: "big",
             "s": "str", "runtime": "made", -(2 ** 29): "low", (1, 2): "tuple"}
        keys = [1, 3, -1, -2, 2, "s", "t", True, 1.0, 3.0, MyInt(3), big, 2 ** 80 + 1,
                made, -(2 ** 29), 2 ** 31, (1, 2), (2, 1)] * 20
        r, s = stats_delta(loop, d, keys)
        self.assertEqual(r, reference(d, keys))
        self.assertGreaterEqual(s.get("form.BINARY_SUBSCR_DICT", 0), 300, s)
        self.assertGreaterEqual(s.get("form.CONTAINS_OP_DICT", 0), 300, s)
        self.assertGreaterEqual(s.get("form.CALL_DICT_GET", 0), 300, s)
        # a dict made by another thread, not yet shared: CPython's lookup
        # marks it, the later ones read it lock-free
        other = in_thread(lambda: {i: -i for i in range(40)} | {"k%d" % i: i for i in range(40)})
        keys = [i for i in range(45)] + ["k%d" % i for i in range(45)]
        self.assertEqual(fresh(loop)(other, keys * 5), reference(other, keys) * 5)

    def test_container_errors(self):
        def loop(d, lst, keys):
            out = []
            for k in keys:
                try:
                    out.append(d[k])
                except KeyError as e:
                    out.append(repr(e))
                try:
                    lst[k] = k
                    out.append("stored")
                except (IndexError, TypeError) as e:
                    out.append(str(e))
            return out
        keys = [0] * 100 + [5, 0]
        r, s = stats_delta(loop, {0: "a"}, [None], keys)
        self.assertEqual(r[-4:], ["KeyError(5)", "list assignment index out of range", "a", "stored"])
        self.assertEqual(r[:2], ["a", "stored"])

    def test_list_store_drops_old_item_after_unlock(self):
        # STORE_SUBSCR_LIST_INT drops the replaced item after releasing
        # the list's lock: a finalizer of that item that reads, appends to
        # and stores into the same list runs (a drop under the lock would
        # wait forever on it), and every store and read lands
        lst = [None] * 4
        log = []

        class Dying:
            def __init__(self, k):
                self.k = k

            def __del__(self):
                log.append((self.k, lst[0].k, len(lst)))
                lst.append(self.k)
                lst[1] = "from-del"

        def loop(lst, n):
            got = []
            for i in range(n):
                lst[0] = Dying(i)
                got.append(lst[0].k)
                lst[2] = i
            return got
        r, s = stats_delta(loop, lst, 200)
        self.assertEqual(r, list(range(200)))
        # each Dying(i) dies when Dying(i + 1) replaces it; its finalizer
        # already sees its successor in slot 0
        self.assertEqual([k for k, _, _ in log], list(range(199)))
        self.assertEqual([first for _, first, _ in log], list(range(1, 200)))
        self.assertEqual([n for _, _, n in log], list(range(4, 203)))
        self.assertEqual(lst[1], "from-del")
        self.assertEqual(lst[2], 199)
        self.assertEqual(lst[4:], list(range(199)))
        self.assertGreaterEqual(s.get("form.STORE_SUBSCR_LIST_INT", 0), 350, s)
        self.assertGreaterEqual(s.get("form.BINARY_SUBSCR_LIST_INT", 0), 190, s)

    def test_container_misses(self):
        # Words specialized for a set / a dict meet the other kinds of
        # container: the guard misses and the generic instruction answers.
        sets = [{3}] * 100
        dicts = [{3: 0}] * 100
        def contains(cs):
            return [3 in c for c in cs]
        r, s = stats_delta(contains, sets + [{3: 1}, [3], (4,), frozenset({3})])
        self.assertEqual(r, [True] * 100 + [True, True, False, True])
        self.assertGreaterEqual(s.get("CONTAINS_OP.misses", 0), 2)
        # A set key is looked up as a frozenset, as by set's own `in`; an
        # unhashable key raises from the specialized form too.
        def set_in(keys, container):
            out = []
            for k in keys:
                try:
                    out.append(k in container)
                except TypeError as e:
                    out.append(str(e))
            return out
        r, s = stats_delta(set_in, [3] * 100 + [{1}, {2}, [1]], {3, frozenset({1})})
        self.assertEqual(r, [True] * 100 + [True, False, "unhashable type: 'list'"])
        self.assertGreaterEqual(s.get("form.CONTAINS_OP_SET", 0), 100)
        r, s = stats_delta(contains, dicts + [{3}, [4]])
        self.assertEqual(r, [True] * 100 + [True, False])
        self.assertGreaterEqual(s.get("CONTAINS_OP.misses", 0), 2)

        def store(cs):
            for c in cs:
                c[0] = 7
            return cs[-2:]
        lists = [[0] for _ in range(100)]
        r, s = stats_delta(store, lists + [{}, [1]])
        self.assertEqual(r, [{0: 7}, [7]])
        self.assertGreaterEqual(s.get("STORE_SUBSCR.misses", 0), 1)
        r, s = stats_delta(store, [{} for _ in range(100)] + [[1], {}])
        self.assertEqual(r, [[7], {0: 7}])
        self.assertGreaterEqual(s.get("STORE_SUBSCR.misses", 0), 1)

    def test_builtin_call_errors(self):
        def loop(xs):
            out = []
            for x in xs:
                try:
                    out.append(len(x))
                except TypeError as e:
                    out.append(str(e))
            return out
        r, s = stats_delta(loop, ["ab"] * 100 + [5])
        self.assertEqual(r, [2] * 100 + ["object of type 'int' has no len()"])

    def test_no_form_for_defaults_or_varargs(self):
        def with_default(a, b=1):
            return a + b

        def star(*args):
            return args[0] + args[1]

        def one_arg_loop(fn, n):
            total = 0
            for i in range(n):
                total = total + fn(i)
            return total
        # A default used: the with-defaults form, not exact args; *args:
        # no form at all.
        r, s = stats_delta(one_arg_loop, with_default, 200)
        self.assertEqual(r, sum(range(200)) + 200)
        self.assertEqual(s.get("form.CALL_PY_EXACT_ARGS", 0), 0)
        self.assertGreaterEqual(s.get("form.CALL_PY_WITH_DEFAULTS", 0), 198)
        r, s = stats_delta(call_loop, star, 200)
        self.assertEqual(r, sum(range(200)) + 200)
        self.assertEqual(s.get("form.CALL_PY_EXACT_ARGS", 0), 0)
        self.assertGreaterEqual(s.get("CALL.failures", 0), 1)
        # Every argument given: the defaults are not used, the form applies.
        r, s = stats_delta(call_loop, with_default, 200)
        self.assertEqual(r, sum(range(200)) + 200)
        self.assertGreaterEqual(s.get("form.CALL_PY_EXACT_ARGS", 0), 198)

    def test_class_and_descriptor_calls(self):
        def loop(xs):
            out = None
            for x in xs:
                out = (type(x), str(x), tuple(x), int("7"), sorted(x), "-".join(map(str, x)),
                       x.count(1), "AbC".upper(), "a,b".split(","), "abcb".find("b", 2),
                       isinstance(x, list))
            return out
        r, s = stats_delta(loop, [[1, 2]] * 300)
        self.assertEqual(r, (list, "[1, 2]", (1, 2), 7, [1, 2], "1-2", 1, "ABC", ["a", "b"], 3, True))
        for form in ("CALL_TYPE_1", "CALL_STR_1", "CALL_TUPLE_1", "CALL_METHOD_DESCRIPTOR_NOARGS",
                     "CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS", "CALL_METHOD_DESCRIPTOR_FAST",
                     "CALL_BUILTIN_FAST_WITH_KEYWORDS"):
            self.assertGreaterEqual(s.get("form." + form, 0), 298, form)
        self.assertGreaterEqual(s.get("form.CALL_BUILTIN_CLASS", 0), 2 * 298)       # int, map
        self.assertGreaterEqual(s.get("form.CALL_METHOD_DESCRIPTOR_O", 0), 2 * 298)  # join, count

    def test_list_append(self):
        class L(list):
            pass

        def loop(lists, n):
            for i in range(n):
                lists[i & 1].append(i)
            return lists
        r, s = stats_delta(loop, [[], L()], 400)
        self.assertEqual(r, [list(range(0, 400, 2)), list(range(1, 400, 2))])
        self.assertIs(type(r[1]), L)
        self.assertGreaterEqual(s.get("form.CALL_LIST_APPEND", 0), 398)

    def test_fixed_count_call_ends_balance_references(self):
        # The C-call forms whose guard fixes the argument count (len,
        # isinstance, type, str, abs, a METH_O / METH_NOARGS descriptor,
        # list.append in its method and its unbound spelling) drop exactly
        # the callable and the arguments, on success and on error, and
        # list.append moves the item's reference into the list.
        class Sized:
            def __init__(self):
                self.fail = False

            def __len__(self):
                if self.fail:
                    raise ValueError("len")
                return 3

        class Meta(type):
            def __instancecheck__(cls, o):
                if getattr(o, "fail", False):
                    raise KeyError("isinstance")
                return True

        class Anything(metaclass=Meta):
            pass

        def loop(n, lst, item, sized, sep):
            t = 0
            errors = 0
            for i in range(n):
                sized.fail = i % 50 == 49
                try:
                    t += len(sized)
                except ValueError:
                    errors += 1
                try:
                    t += isinstance(sized, Anything)
                except KeyError:
                    errors += 1
                t += (type(item) is object) + abs(-1) + len(str(i))
                t += len(sep.join(["a", "b"])) + len(sep.upper())
                lst.append(item)
                list.append(lst, item)
            return t, errors

        item, sized, sep, lst = object(), Sized(), ",", []
        watched = (item, sized, sep, Anything, Sized, object, len, isinstance, abs)
        before = [sys.getrefcount(o) for o in watched]
        (t, errors), s = stats_delta(loop, 300, lst, item, sized, sep)
        self.assertEqual(errors, 12)
        self.assertEqual(t, 294 * 3 + 294 * 1 + 300 * 2 + sum(len(str(i)) for i in range(300)) + 300 * 4)
        self.assertEqual(len(lst), 600)
        self.assertTrue(all(x is item for x in lst))
        lst.clear()
        self.assertEqual([sys.getrefcount(o) for o in watched], before)
        for form in ("CALL_LEN", "CALL_ISINSTANCE", "CALL_TYPE_1", "CALL_STR_1", "CALL_BUILTIN_O",
                     "CALL_METHOD_DESCRIPTOR_O", "CALL_METHOD_DESCRIPTOR_NOARGS"):
            self.assertGreaterEqual(s.get("form." + form, 0), 280, form)
        self.assertGreaterEqual(s.get("form.CALL_LIST_APPEND", 0), 2 * 290)

    def test_call_with_defaults(self):
        def f(a, b=10, c=20):
            return (a, b, c)

        def loop(fn, n):
            out = []
            for i in range(n):
                out.append(fn(i))
                out.append(fn(i, i))
            return out
        r, s = stats_delta(loop, f, 200)
        self.assertEqual(r, [t for i in range(200) for t in ((i, 10, 20), (i, i, 20))])
        self.assertGreaterEqual(s.get("form.CALL_PY_WITH_DEFAULTS", 0), 2 * 198)

        class K:
            def m(self, a, b="b"):
                return (a, b)

        def mloop(k, n):
            return [k.m(i) for i in range(n)]
        r, s = stats_delta(mloop, K(), 200)
        self.assertEqual(r, [(i, "b") for i in range(200)])

    def test_c_call_errors_are_the_generic_ones(self):
        class Bad:
            def __str__(self):
                raise KeyError("no str")

        def loop(xs):
            out = []
            for x in xs:
                for call in (lambda: str(x), lambda: int(x), lambda: tuple(x), lambda: "".join(x),
                             lambda: "ab".upper()):
                    try:
                        out.append(call())
                    except Exception as e:
                        out.append((type(e).__name__, str(e)))
            return out
        r, s = stats_delta(loop, ["12"] * 100 + [Bad(), 5])
        self.assertEqual(r[-10:], [("KeyError", "'no str'"),
                                   ("TypeError", "int() argument must be a string, a bytes-like "
                                                 "object or a real number, not 'Bad'"),
                                   ("TypeError", "'Bad' object is not iterable"),
                                   ("TypeError", "can only join an iterable"), "AB",
                                   "5", 5, ("TypeError", "'int' object is not iterable"),
                                   ("TypeError", "can only join an iterable"), "AB"])

    def test_always_true_str_subscript_list_unpack_tuple_iter(self):
        class Plain:
            pass

        def loop(objs, s, pairs, t):
            n = 0
            chars = []
            for o in objs:
                if o:
                    n += 1
            for i in range(len(s)):
                chars.append(s[i])
            total = 0
            for p in pairs:
                a, b = p
                total += a * b
            items = []
            for x in t:
                items.append(x)
            return n, "".join(chars), total, items
        s = "h\u00e9llo\u20ac" * 40
        pairs = [[i, 2] for i in range(300)]
        r, st = stats_delta(loop, [Plain()] * 300, s, pairs, tuple(range(300)))
        self.assertEqual(r, (300, s, 2 * sum(range(300)), list(range(300))))
        self.assertGreaterEqual(st.get("form.TO_BOOL_ALWAYS_TRUE", 0), 298)
        self.assertGreaterEqual(st.get("form.BINARY_SUBSCR_STR_INT", 0), len(s) - 2)
        self.assertGreaterEqual(st.get("form.UNPACK_SEQUENCE_LIST", 0), 298)
        self.assertGreaterEqual(st.get("form.FOR_ITER_TUPLE", 0), 298)
        # Latin-1 characters come back as CPython's shared 1-char strings.
        self.assertIs(r[1][1], "\u00e9"[0])

    def test_exhausted_tuple_iterator_matches_stock(self):
        def drain(it):
            for _ in it:
                pass
            return it.__reduce__(), it.__length_hint__()
        r, s = stats_delta(drain, iter(tuple(range(100))))
        self.assertEqual(r, ((iter, ((),)), 0))
        self.assertGreaterEqual(s.get("form.FOR_ITER_TUPLE", 0), 98)

    def test_float_free_list_round_trip(self):
        (keep, x), s = stats_delta(float_churn, 3000)
        self.assertEqual(len(keep), 429)
        self.assertEqual(len({id(v) for v in keep}), len(keep))   # all alive, all distinct
        self.assertTrue(all(a < b for a, b in zip(keep, keep[1:])), "a kept float changed")
        ref, v = [], 1.5
        for i in range(3000):
            y = v * 1.0001
            v = (y + 0.5) - 0.5
            if i % 7 == 0:
                ref.append(y)
        self.assertEqual(keep, ref)
        self.assertGreaterEqual(s.get("form.BINARY_OP_MULTIPLY_FLOAT", 0), 2990, s)
        self.assertGreaterEqual(s.get("form.BINARY_OP_ADD_FLOAT", 0), 2990, s)

    def test_attribute_forms(self):
        objs = (Slotted(0, "b"), WithProp(21), LazyExc())
        r, s = stats_delta(attr_forms_loop, objs, 300)
        self.assertEqual(r, [(i, "b", i, "class-k", "class-k", 5, 5, 42, "lazy", "AB") for i in range(300)])
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_SLOT", 0), 3 * 298)
        self.assertGreaterEqual(s.get("form.STORE_ATTR_SLOT", 0), 298)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS", 0), 2 * 298)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_NONDESCRIPTOR_NO_DICT", 0), 298)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES", 0), 298)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_METHOD_NO_DICT", 0), 2 * 298)   # s.m, str.upper
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_METHOD_LAZY_DICT", 0), 298)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_PROPERTY", 0), 298)


@unittest.skipUnless(sigil.info()["mode"] in ("interp", "jit"), "needs Sigil's interpreter")
class IntFreeList(unittest.TestCase):
    """Sigil's per-thread free list of dead compact ints (sigil_uop.h,
    "Ints"): the ints its forms make reuse blocks Sigil's own drops freed.
    These tests fail if a live int's block were handed out again, if a
    reused block kept a stale sign or digit, or if a small result were a
    new object instead of CPython's shared small int."""

    def assert_ints_reused(self, s, at_least):
        # builds that count references or objects (debug, stats) have no
        # list: every int is CPython's allocation there
        if sigil.info()["int_free_list"]:
            self.assertGreaterEqual(s.get("eval.ints_reused", 0), at_least, s)
        else:
            self.assertEqual(s.get("eval.ints_reused", 0), 0, s)

    def test_results_across_the_compact_boundaries(self):
        # operands and results on both sides of +-2**30 (a digit) and of
        # the small ints (-5..256), through forms that take and refill
        # the list in the same loop
        def mix(vals):
            out = []
            for a in vals:
                for b in vals:
                    junk = a + 12345     # temporaries that die and refill the list
                    junk = junk - b
                    out.append((a + b, a - b, a * b, a // 7 if a >= 0 else a, a & 1023))
            return out
        edges = [0, 1, -1, -5, -6, 255, 256, 257, 2 ** 30 - 1, 2 ** 30, -(2 ** 30) + 1,
                 -(2 ** 30), 2 ** 29 + 3, -(2 ** 29) - 7, 123456, -654321]
        want = [(a + b, a - b, a * b, a // 7 if a >= 0 else a, a & 1023) for a in edges for b in edges]
        for _ in range(3):
            r, s = stats_delta(mix, edges)
            self.assertEqual(r, want)
        self.assert_ints_reused(s, 100)

    def test_small_results_are_the_shared_small_ints(self):
        def small(n):
            out = []
            for i in range(n):
                out.append((i + 1000) - 1000 - (i % 300) + (i % 300) - i + (i % 262) - 5)
            return out
        r, s = stats_delta(small, 5000)
        self.assertEqual(r, [(i % 262) - 5 for i in range(5000)])
        for v in r:
            self.assertIs(v, int(str(v)))   # int() returns the cached small int

    def test_small_int_edges_from_every_maker(self):
        # the ints of range(), len() and int arithmetic around both ends
        # of the small ints (-5..256, returned inline as CPython's static
        # ones): each has its value, and is the shared object exactly
        # when it is small (a wrong bound hands out a neighbour of the
        # static array, or a new object where CPython shares one)
        def made(lo, hi, lists):
            out = []
            for i in range(lo, hi):
                out.append(i)
                out.append(i + 0)
                out.append(i * 1)
            for l in lists:
                out.append(len(l))
            return out
        lists = [[0] * n for n in range(250, 262)]
        want = [v for i in range(-9, 262) for v in (i, i, i)] + list(range(250, 262))
        for _ in range(3):
            r, s = stats_delta(made, -9, 262, lists)
            self.assertEqual(r, want)
            for v in r:
                self.assertEqual(v is int(str(v)), -5 <= v <= 256, v)
        self.assertGreater(s.get("form.FOR_ITER_RANGE", 0), 0, s)
        self.assertGreater(s.get("form.CALL_LEN", 0), 0, s)

    def test_results_near_the_int64_limits(self):
        # len() and range() make ints up to just below 2**63 through
        # sigil_int_new; its small-int test must not overflow on them
        # (test_bisect's len() of a huge range caught one that did)
        top = 2 ** 63
        ranges = [range(top - k) for k in (1, 2, 3, 5, 6, 7)] + [range(300), range(250)]
        def made(ranges):
            out = []
            for r in ranges:
                out.append(len(r))
            for i in range(top - 9, top - 1):
                out.append(i)
            for i in range(-top + 1, -top + 4):
                out.append(i)
            return out
        want = [len(r) for r in ranges] + list(range(top - 9, top - 1)) + list(range(-top + 1, -top + 4))
        made = fresh(made)
        sigil.reset_stats()
        for _ in range(50):   # the generic instructions, then the forms
            r = made(ranges)
            self.assertEqual(r, want)
            self.assertEqual([v is int(str(v)) for v in r], [-5 <= v <= 256 for v in want])
        s = sigil.stats()
        self.assertGreater(s.get("form.CALL_LEN", 0), 40 * len(ranges), s)

    def test_live_ints_keep_their_values(self):
        # ints kept in a list while the loop frees and makes many more: a
        # block handed out while still referenced would change a kept value
        def churn(n):
            kept = []
            for i in range(n):
                t = i * 3 + 1000       # dies at the next iteration
                kept.append(t + 1)     # lives
                x = t - 7              # dies
                x = x + 1
            return kept
        r, s = stats_delta(churn, 20000)
        self.assertEqual(r, [i * 3 + 1001 for i in range(20000)])
        self.assertEqual(len(set(map(id, r))), len(r))
        self.assert_ints_reused(s, 20000)

    def test_ints_crossing_threads(self):
        # ints made by one thread and dropped by another (the shared-count
        # path, never the dropper's list) and threads that exit with a
        # full list, whose record the next thread takes over
        import threading
        box = []
        lock = threading.Lock()

        def maker(base):
            out = []
            for i in range(3000):
                v = base + i * 5 + 1000
                out.append(v)
            with lock:
                box.append(out)
            x = 0
            for i in range(3000):
                x += i + 100000    # fills this thread's list before it exits
            return x

        def dropper(out, results):
            total = 0
            while out:
                total = total + out.pop()
            results.append(total)

        for round_ in range(4):
            ts = [threading.Thread(target=maker, args=(k * 100000,)) for k in range(4)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            results = []
            ds = [threading.Thread(target=dropper, args=(out, results)) for out in box]
            for t in ds:
                t.start()
            for t in ds:
                t.join()
            want = sorted(sum(k * 100000 + i * 5 + 1000 for i in range(3000)) for k in range(4))
            self.assertEqual(sorted(results), want)
            box.clear()


class GuardsAndDeopt(unittest.TestCase):
    def test_subclass_is_not_fast_pathed(self):
        xs = [1] * 100 + [MyInt(5)]
        # The final add has an int subclass on the left: its __add__ runs.
        r, s = stats_delta(last_add, xs)
        self.assertEqual(r, "overridden")
        self.assertGreaterEqual(s.get("BINARY_OP.misses", 0), 1)

    def test_type_switch_deopts_and_respecializes(self):
        # float + float specializes, float + big int misses until the word
        # is deoptimized (no form fits), then pure floats specialize again
        # (in the form for both kinds, the site having changed kind once).
        big = 1 << 40
        xs = [1.5] * 50 + [big] * 50 + [0.25] * 5000
        r, s = stats_delta(float_sum, xs)
        self.assertEqual(r, 1.5 * 50 + big * 50 + 0.25 * 5000)
        self.assertGreaterEqual(s.get("BINARY_OP.misses", 0), 1)
        self.assertGreaterEqual(s.get("BINARY_OP.deopts", 0), 1)
        self.assertGreaterEqual(s.get("form.BINARY_OP_ADD_FLOAT", 0) +
                                s.get("form.BINARY_OP_NUMERIC", 0), 4000, s)

    def test_class_attribute_added_over_instance_value(self):
        # A data descriptor added to the class takes precedence over the
        # instance attribute: the type version guard must see it.
        class C:
            def __init__(self):
                self.v = 1
        cs = [C() for _ in range(400)]

        def loop(cs):
            out = []
            for i, c in enumerate(cs):
                if i == 200:
                    C.v = property(lambda self: 2)
                out.append(c.v)
            return out
        r, s = stats_delta(loop, cs)
        self.assertEqual(r, [1] * 200 + [2] * 200)
        self.assertGreaterEqual(s.get("LOAD_ATTR.misses", 0), 1)

    def test_method_shadowed_by_instance_attribute(self):
        class C:
            def m(self):
                return "class"
        cs = [C() for _ in range(300)]

        def loop(cs):
            out = []
            for i, c in enumerate(cs):
                if i == 150:
                    c.m = lambda: "instance"
                out.append(c.m())
            return out
        r, s = stats_delta(loop, cs)
        self.assertEqual(r, ["class"] * 150 + ["instance"] + ["class"] * 149)

    def test_method_replaced_on_class(self):
        # Module level: methods of nested classes are nested functions,
        # without deferred reference counting, and get no method form.
        C = Swappable
        c = C()
        self.addCleanup(setattr, C, "m", C.m)

        def loop(c, n):
            out = 0
            for i in range(n):
                if i == 300:
                    C.m = lambda self: 100
                out += c.m()
            return out
        r, s = stats_delta(loop, c, 600)
        self.assertEqual(r, 300 + 300 * 100)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_METHOD_WITH_VALUES", 0), 200)
        self.assertGreaterEqual(s.get("LOAD_ATTR.misses", 0), 1)

    def test_code_swap_deopts_exact_args(self):
        def f(a, b):
            return "old"

        def g(a, b):
            return "new"

        def loop(n):
            out = []
            for i in range(n):
                if i == 300:
                    f.__code__ = g.__code__
                out.append(f(i, 0))
            return out
        r, s = stats_delta(loop, 600)
        self.assertEqual(r, ["old"] * 300 + ["new"] * 300)
        self.assertGreaterEqual(s.get("CALL.misses", 0), 1)
        # The swapped function has version 0 and is never specialized again.
        self.assertGreaterEqual(s.get("CALL.deopts", 0), 1)

    def test_argument_count_change_misses(self):
        def three(a, b, c):
            return a + b + c

        def loop(fns, n):
            total = 0
            for i in range(n):
                fn = fns[i >= n // 2]
                try:
                    total += fn(i, 1)
                except TypeError:
                    total -= 1
            return total
        r, s = stats_delta(loop, (add2, three), 400)
        self.assertEqual(r, sum(range(200)) + 200 - 200)

    def test_global_shadows_builtin(self):
        # A module global named like a builtin, added mid-loop, must win
        # from the next iteration on.
        g = {"__builtins__": __builtins__}
        exec("def loop(n, g):\n"
             "    out = []\n"
             "    for i in range(n):\n"
             "        if i == 300:\n"
             "            g['abs'] = lambda x: 'shadow'\n"
             "        out.append(abs(-1))\n"
             "    return out\n", g)
        sigil.reset_stats()
        r = g["loop"](600, g)
        s = sigil.stats()
        self.assertEqual(r, [1] * 300 + ["shadow"] * 300)
        self.assertGreaterEqual(builtin_hits(s), 200)
        self.assertGreaterEqual(s.get("LOAD_GLOBAL.misses", 0), 1)

    def test_list_changed_during_iteration(self):
        def loop(xs):
            out = []
            for x in xs:
                out.append(x)
                if x == 100:
                    del xs[150:]
                if x == 120:
                    xs.append(-1)
            return out
        r, s = stats_delta(loop, list(range(300)))
        self.assertEqual(r, list(range(150)) + [-1])

    def test_subscript_misses(self):
        def loop(xs, idx):
            out = []
            for i in idx:
                try:
                    out.append(xs[i])
                except IndexError as e:
                    out.append(str(e))
            return out
        xs = list(range(10))
        idx = [1] * 100 + [-1, 10, True] + [2] * 50
        r, s = stats_delta(loop, xs, idx)
        self.assertEqual(r, [1] * 100 + [9, "list index out of range", 1] + [2] * 50)
        self.assertGreaterEqual(s.get("BINARY_SUBSCR.misses", 0), 2)

    def test_shared_range_iterator_is_not_fast_pathed(self):
        # While another thread holds a reference to a range iterator, this
        # thread steps it through CPython's own code, not the fast form.
        it = iter(range(1000))
        holding = threading.Event()
        release = threading.Event()

        def hold(ref):
            ref = [ref]          # a reference of this thread's own
            holding.set()
            release.wait()
            del ref
        t = threading.Thread(target=hold, args=(it,))
        t.start()
        holding.wait()

        def loop(it):
            n = 0
            for _ in it:
                n += 1
            return n
        try:
            r, s = stats_delta(loop, it)
        finally:
            release.set()
            t.join()
        self.assertEqual(r, 1000)
        self.assertEqual(s.get("form.FOR_ITER_RANGE", 0), 0)
        self.assertGreaterEqual(s.get("FOR_ITER.failures", 0), 1)

    def test_store_attr_after_dict_materialized(self):
        # Once an instance's __dict__ exists, stores go through the dict:
        # the fast form must not write the inline values behind its back.
        pts = [Point(i, i) for i in range(300)]

        def loop(pts):
            for i, p in enumerate(pts):
                if i >= 150:
                    d = p.__dict__
                    d["extra"] = i   # may convert the dict
                p.x = -i
            return [(p.x, p.__dict__.get("x")) for p in pts]
        r, s = stats_delta(loop, pts)
        self.assertEqual(r, [(-i, -i) for i in range(300)])
        self.assertGreaterEqual(s.get("form.STORE_ATTR_INSTANCE_VALUE", 0), 100)

    def test_store_attr_class_property_added(self):
        class C:
            def __init__(self):
                self.v = 0
        seen = []
        cs = [C() for _ in range(300)]

        def loop(cs):
            for i, c in enumerate(cs):
                if i == 150:
                    C.v = property(lambda self: "prop", lambda self, x: seen.append(x))
                c.v = i
        stats_delta(loop, cs)
        self.assertEqual(seen, list(range(150, 300)))
        self.assertEqual(cs[149].__dict__["v"], 149)

    def test_call_forms_miss_on_other_callables(self):
        def loop(fns, x):
            out = []
            for fn in fns:
                try:
                    out.append(fn(x))
                except TypeError as e:
                    out.append(str(e))
            return out
        r, s = stats_delta(loop, [type] * 100 + [str, len, tuple, type], "ab")
        self.assertEqual(r, [str] * 100 + ["ab", 2, ("a", "b"), str])
        self.assertGreaterEqual(s.get("form.CALL_TYPE_1", 0), 98)
        self.assertGreaterEqual(s.get("CALL.misses", 0), 3)
        # A descriptor of another type's method, and a self of the wrong
        # type: the guard misses and the generic call raises CPython's error.
        r, s = stats_delta(loop, [str.upper] * 100 + [bytes.upper, str.upper], "ab")
        self.assertEqual(r[-2:], ["descriptor 'upper' for 'bytes' objects doesn't apply to a 'str' object",
                                  "AB"])
        self.assertGreaterEqual(s.get("form.CALL_METHOD_DESCRIPTOR_NOARGS", 0), 98)
        self.assertGreaterEqual(s.get("CALL.misses", 0), 1)
        r, s = stats_delta(loop, [list.append.__get__([])] * 100 + [[].append], 1)
        self.assertEqual(r, [None] * 101)

    def test_list_append_misses(self):
        def loop(targets):
            for t in targets:
                t.append(1)
            return targets[-1]
        d = collections.deque()
        r, s = stats_delta(loop, [[] for _ in range(100)] + [d])
        self.assertIs(r, d)
        self.assertEqual(list(d), [1])
        self.assertGreaterEqual(s.get("form.CALL_LIST_APPEND", 0), 98)
        self.assertGreaterEqual(s.get("CALL.misses", 0), 1)

        def unbound(xs):
            out = []
            for x in xs:
                try:
                    out.append(list.append(x, 0))
                except TypeError as e:
                    out.append(str(e))
            return out
        r, s = stats_delta(unbound, [[]] * 100 + [()])
        self.assertEqual(r[-1], "descriptor 'append' for 'list' objects doesn't apply to a 'tuple' object")

    def test_defaults_replaced_misses(self):
        def f(a, b=1):
            return a + b

        def loop(n):
            out = []
            for i in range(n):
                if i == 150:
                    f.__defaults__ = (100,)
                if i == 250:
                    f.__defaults__ = (5, 6, 7)     # longer than the parameters
                out.append(f(i))
            return out
        r, s = stats_delta(loop, 300)
        self.assertEqual(r, [i + 1 for i in range(150)] + [i + 100 for i in range(150, 250)]
                         + [i + 7 for i in range(250, 300)])
        self.assertGreaterEqual(s.get("form.CALL_PY_WITH_DEFAULTS", 0), 140)
        self.assertGreaterEqual(s.get("CALL.misses", 0), 1)

        def g(a, b=1):
            return a + b

        def missing(n):
            out = []
            for i in range(n):
                if i == 150:
                    g.__defaults__ = None
                try:
                    out.append(g(i))
                except TypeError as e:
                    out.append(str(e))
            return out
        r, s = stats_delta(missing, 200)
        self.assertEqual(r[149], 150)
        self.assertTrue(r[150].endswith("g() missing 1 required positional argument: 'b'"), r[150])

    def test_always_true_misses_when_bool_or_len_added(self):
        class T:
            pass
        objs = [T() for _ in range(300)]

        def loop(objs):
            out = []
            for i, o in enumerate(objs):
                if i == 150:
                    T.__len__ = lambda self: 0
                if i == 200:
                    del T.__len__
                    T.__bool__ = lambda self: i % 2 == 0
                out.append(bool(o) if i % 7 == 0 else (1 if o else 0))
            return out
        r, s = stats_delta(loop, objs)
        want = [(True if i % 7 == 0 else 1) for i in range(150)]
        want += [(False if i % 7 == 0 else 0) for i in range(150, 200)]
        want += [((i % 2 == 0) if i % 7 == 0 else int(i % 2 == 0)) for i in range(200, 300)]
        self.assertEqual(r, want)
        self.assertGreaterEqual(s.get("form.TO_BOOL_ALWAYS_TRUE", 0), 100)
        self.assertGreaterEqual(s.get("TO_BOOL.misses", 0), 1)

    def test_str_subscript_and_list_unpack_misses(self):
        def sub(s, idx):
            out = []
            for i in idx:
                try:
                    out.append(s[i])
                except IndexError as e:
                    out.append(str(e))
            return out
        r, s = stats_delta(sub, "abc", [1] * 100 + [3, -1, True])
        self.assertEqual(r[-3:], ["string index out of range", "c", "b"])
        self.assertGreaterEqual(s.get("form.BINARY_SUBSCR_STR_INT", 0), 98)
        self.assertGreaterEqual(s.get("BINARY_SUBSCR.misses", 0), 2)

        def unpack(seqs):
            out = []
            for q in seqs:
                try:
                    a, b = q
                    out.append((a, b))
                except ValueError as e:
                    out.append(str(e))
            return out
        r, s = stats_delta(unpack, [[1, 2]] * 100 + [[1, 2, 3], [1], (3, 4), "xy"])
        self.assertEqual(r[-4:], ["too many values to unpack (expected 2)",
                                  "not enough values to unpack (expected 2, got 1)", (3, 4), ("x", "y")])
        self.assertGreaterEqual(s.get("form.UNPACK_SEQUENCE_LIST", 0), 98)
        self.assertGreaterEqual(s.get("UNPACK_SEQUENCE.misses", 0), 2)

    def test_shared_tuple_iterator_is_not_fast_pathed(self):
        it = iter(tuple(range(500)))
        keep = []
        t = threading.Thread(target=keep.append, args=(it,))
        t.start()
        t.join()            # another thread took (and holds) a reference

        def count(it):
            n = 0
            for _ in it:
                n += 1
            return n
        r, s = stats_delta(count, it)
        self.assertEqual(r, 500)
        self.assertEqual(s.get("form.FOR_ITER_TUPLE", 0), 0)

    def test_slot_forms_miss_and_raise_like_generic(self):
        def load(objs):
            out = []
            for o in objs:
                try:
                    out.append(o.a)
                except AttributeError as e:
                    out.append(str(e))
            return out
        empty = Slotted(0, 0)
        del empty.a
        r, s = stats_delta(load, [Slotted(1, 2)] * 100 + [empty, Point(7, 8)])
        # The generic path's own messages (member_get names the type by tp_name).
        self.assertTrue(r[-2].endswith("Slotted' object has no attribute 'a'"), r[-2])
        self.assertEqual(r[-1], "'Point' object has no attribute 'a'")
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_SLOT", 0), 98)
        self.assertGreaterEqual(s.get("LOAD_ATTR.misses", 0), 2)

        def store(objs):
            for i, o in enumerate(objs):
                o.a = i
            return [o.a for o in objs[-3:]]
        class Other:
            pass
        r, s = stats_delta(store, [Slotted(0, 0) for _ in range(100)] + [Other(), Slotted(0, 0)])
        self.assertEqual(r, [99, 100, 101])
        self.assertGreaterEqual(s.get("form.STORE_ATTR_SLOT", 0), 98)
        self.assertGreaterEqual(s.get("STORE_ATTR.misses", 0), 1)

    def test_class_attribute_changes_miss(self):
        class C:
            k = 1
        def loop(n):
            out = []
            for i in range(n):
                if i == 150:
                    C.k = 2
                if i == 200:
                    del C.k
                try:
                    out.append(C.k)
                except AttributeError as e:
                    out.append(str(e))
            return out
        r, s = stats_delta(loop, 250)
        self.assertEqual(r, [1] * 150 + [2] * 50 + ["type object 'C' has no attribute 'k'"] * 50)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS", 0), 140)
        self.assertGreaterEqual(s.get("LOAD_ATTR.misses", 0), 1)

    def test_nondescriptor_shadowed_and_lazy_dict_created(self):
        w = WithProp(1)
        e = LazyExc()

        def loop(n):
            out = []
            for i in range(n):
                if i == 150:
                    w.k = "inst"            # shadows the class constant
                    e.m = lambda: "inst"    # creates the lazy dict, shadows
                out.append((w.k, e.m()))
            return out
        r, s = stats_delta(loop, 300)
        self.assertEqual(r, [(5, "lazy")] * 150 + [("inst", "inst")] * 150)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES", 0), 140)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_METHOD_LAZY_DICT", 0), 140)
        self.assertGreaterEqual(s.get("LOAD_ATTR.misses", 0), 2)

    def test_property_getter_replaced_and_raising(self):
        class C:
            def __init__(self):
                self.v = 1
        C.p = property(attr_loop.__globals__["_prop_get"])

        def loop(c, n):
            out = []
            for i in range(n):
                if i == 150:
                    C.p = property(attr_loop.__globals__["_prop_raise"])
                try:
                    out.append(c.p)
                except KeyError as e:
                    out.append(repr(e))
            return out
        r, s = stats_delta(loop, C(), 300)
        self.assertEqual(r, [("get", 1)] * 150 + ["KeyError('raised')"] * 150)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_PROPERTY", 0), 140)
        self.assertGreaterEqual(s.get("LOAD_ATTR.misses", 0), 1)

    def test_borrowed_caches_survive_immortalization(self):
        # Starting a thread makes 3.13t immortalize every deferred-RC
        # object and clear its deferred bit: functions cached borrowed
        # must still qualify (immortal), or method forms stop at the first
        # thread.
        t = threading.Thread(target=lambda: None)
        t.start()
        t.join()
        r, s = stats_delta(method_loop, [Point(i, 1) for i in range(300)])
        self.assertEqual(r, sum(range(300)) + 300)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_METHOD_WITH_VALUES", 0), 298)
        r, s = stats_delta(attr_forms_loop, (Slotted(0, "b"), WithProp(21), LazyExc()), 300)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_PROPERTY", 0), 298)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_METHOD_LAZY_DICT", 0), 298)

    def test_with_hint(self):
        class C:
            def __init__(self):
                self.x = 1
        objs = [C() for _ in range(3)]
        for o in objs:
            for k in range(40):             # past the shared keys: a dict
                setattr(o, "a%d" % k, k)

        def loop(objs, n):
            out = []
            for i in range(n):
                o = objs[i % 3]
                if i == 150:
                    del objs[0].x           # the entry at the hint is gone
                if i == 200:
                    objs[1].__dict__ = {"x": "new"}   # another dict
                if i == 250:
                    C.x = property(lambda self: "prop")
                try:
                    out.append(o.x)
                except AttributeError as e:
                    out.append(str(e))
            return out
        r, s = stats_delta(loop, objs, 300)
        want = []
        for i in range(300):
            k = i % 3
            if i >= 250:
                want.append("prop")
            elif k == 0 and i >= 150:
                want.append("'C' object has no attribute 'x'")
            elif k == 1 and i >= 200:
                want.append("new")
            else:
                want.append(1)
        self.assertEqual(r, want)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_WITH_HINT", 0), 140)
        self.assertGreaterEqual(s.get("LOAD_ATTR.misses", 0), 2)

    def test_store_with_hint(self):
        class C:
            pass
        objs = [C() for _ in range(2)]
        for o in objs:
            for k in range(40):             # past the shared keys: a dict
                setattr(o, "a%d" % k, k)
            o.x = 0
        seen = []

        class Watch:
            def __init__(self, v):
                self.v = v

            def __del__(self):
                seen.append(self.v)

        def loop(objs, n):
            for i in range(n):
                o = objs[i & 1]
                if i == 200:
                    del objs[0].x               # store re-inserts: generic
                if i == 250:
                    objs[1].__dict__ = {"x": -1}
                o.x = Watch(i) if i == 100 else i
            return [o.x for o in objs]
        r, s = stats_delta(loop, objs, 300)
        self.assertEqual(r, [298, 299])
        self.assertEqual(seen, [100])        # replaced value released at once
        self.assertGreaterEqual(s.get("form.STORE_ATTR_WITH_HINT", 0), 190)
        self.assertGreaterEqual(s.get("STORE_ATTR.misses", 0), 1)
        # The stored values are the dict's own.
        self.assertEqual(objs[0].__dict__["x"], 298)
        self.assertEqual(list(objs[0].__dict__)[-1], "x")

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


def subscr_loop(xs):
    n = 0
    for x in xs:
        n = n + x[0]
    return n


def first_loop(xs):
    n = 0
    for x in xs:
        try:
            n = n + x[0]
        except IndexError:
            n = n + 100
    return n


def unpack_loop(xs):
    n = 0
    for x in xs:
        try:
            a, b = x
        except ValueError:
            n = n - 100
            continue
        n = n + a + b
    return n


def contains_loop(xs):
    n = 0
    for x in xs:
        if 1 in x:
            n = n + 1
    return n


def star_args(*a):
    return len(a)


class GetattrOverride(type(sys)):
    anything = 1


class GetattributeAndGetattr:
    def __getattribute__(self, name):
        return 1

    def __getattr__(self, name):
        return 2


def call_each(fns, x):
    n = 0
    for f in fns:
        n = n + f(x)
    return n


def one(x):
    return 1


def two(x):
    return 2


def getattr_loop(objs):
    n = 0
    for o in objs:
        n = n + o.anything
    return n


def nonzero(s, prefix):
    return {k: v for k, v in s.items() if k.startswith(prefix)}


class SuperBase:
    tag = "base"

    def who(self, k):
        return ("base", k)


class SuperChild(SuperBase):
    tag = "child"

    def who(self, k):
        return ("child",) + super().who(k)

    def tags(self, n):
        out = []
        for _ in range(n):
            out.append(super().tag)
        return out

    def calls(self, n):
        out = 0
        for i in range(n):
            out += super().who(i)[1]
        return out

    def two_arg(self, n):
        return [super(SuperChild, self).tag for _ in range(n)]


class FakeSuper:
    def __init__(self, *args):
        pass

    tag = "fake"

    def who(self, k):
        return ("fake", k)


class LoadSuperAttr(unittest.TestCase):
    """LOAD_SUPER_ATTR_ATTR / _METHOD: super().name without a super object."""

    def run_fresh(self, meth, *args):
        fn = fresh(meth)
        sigil.reset_stats()
        r = fn(SuperChild(), *args)
        return r, {k: v for k, v in sigil.stats().items() if v}

    def test_attr_and_method(self):
        r, s = self.run_fresh(SuperChild.tags, 100)
        self.assertEqual(r, ["base"] * 100)
        self.assertGreaterEqual(s.get("form.LOAD_SUPER_ATTR_ATTR", 0), 95, s)
        r, s = self.run_fresh(SuperChild.calls, 100)
        self.assertEqual(r, sum(range(100)))
        self.assertGreaterEqual(s.get("form.LOAD_SUPER_ATTR_METHOD_CACHED", 0), 95, s)
        r, s = self.run_fresh(SuperChild.two_arg, 100)
        self.assertEqual(r, ["base"] * 100)
        self.assertGreaterEqual(s.get("form.LOAD_SUPER_ATTR_ATTR", 0), 95, s)

    def test_errors_are_generic(self):
        # super(C, obj) with obj not an instance of C raises as usual.
        def bad(n):
            out = []
            for i in range(n):
                try:
                    out.append(super(SuperChild, 1 if i == n - 1 else SuperChild()).tag)
                except TypeError:
                    out.append("TypeError")
            return out
        r = fresh(bad)(60)
        self.assertEqual(r, ["base"] * 59 + ["TypeError"])

    def test_rebound_super_misses(self):
        g = {"super": super, "SuperChild": SuperChild}
        src = ("def f(self, n):\n"
               "    out = []\n"
               "    for _ in range(n):\n"
               "        out.append(super(SuperChild, self).tag)\n"
               "    return out\n")
        exec(src, g)
        f = g["f"]
        obj = SuperChild()
        sigil.reset_stats()
        self.assertEqual(f(obj, 60), ["base"] * 60)
        g["super"] = FakeSuper
        self.assertEqual(f(obj, 5), ["fake"] * 5)
        s = sigil.stats()
        self.assertGreaterEqual(s["guard.LOAD_SUPER_ATTR_ATTR.GUARD_BUILTIN_SUPER"], 1, s)
        g["super"] = super
        self.assertEqual(f(obj, 5), ["base"] * 5)


SUPER_CACHED_SRC = """
from types import CellType, FunctionType

class Base:
    def g(self, k):
        return ("base", k)

class Other:
    def g(self, k):
        return ("other", k)

class Mid(Base):
    def g(self, k):
        return ("mid",) + super().g(k)

class Leaf(Mid):
    def g(self, k):
        return ("leaf",) + super().g(k)

class Leaf2(Mid):
    pass

class C1(Base):
    def g(self, k):
        return (__class__.__name__,) + super().g(k)

class C2(C1):
    pass

# C1.g's code again, with C2 in its __class__ cell
C2.g = FunctionType(C1.g.__code__, globals(), "g", None, (CellType(C2),))

class A:
    def g(self, k):
        return ("a", k)

    @classmethod
    def cm(cls, k):
        return (cls.__name__, k)

class B(A):
    def g(self, k):
        return ("b",) + super().g(k)

    @classmethod
    def cm(cls, k):
        return super().cm(k)     # self is a class

    def h(self, k):
        return super().cm(k)     # a classmethod: bound, not cached

class G(B):
    def __getattribute__(self, name):
        return object.__getattribute__(self, name)
"""


def super_cached_classes():
    """A fresh hierarchy, made at module level (a method defined in a
    function is not deferred-RC in 3.13t, so no record may cache it):
    Base.g <- Mid.g (super) <- Leaf.g (super), Leaf2(Mid) without its own
    g, Other as another base for Leaf; C1.g and C2.g share one code."""
    ns = {"__name__": "super_cached"}
    exec(SUPER_CACHED_SRC, ns)
    return SimpleNamespace(**ns)


def call_g(objs, n):
    out = []
    for i in range(n):
        out.append(objs[i % len(objs)].g(i))
    return out


class SuperCachedMethod(unittest.TestCase):
    """LOAD_SUPER_ATTR_METHOD_CACHED / LOAD_SUPER_ATTR_POLY: the method
    super().name finds, cached by the versions of type(self) and of the
    class operand, with one entry per receiver type."""

    def run_g(self, objs, n):
        sigil.reset_stats()
        r = call_g(objs, n)
        return r, {k: v for k, v in sigil.stats().items() if v}

    def test_cached_and_poly(self):
        c = super_cached_classes()
        r, s = self.run_g([c.Leaf(), c.Mid(), c.Leaf2()], 300)
        want = {0: ("leaf", "mid", "base"), 1: ("mid", "base"), 2: ("mid", "base")}
        self.assertEqual(r, [want[i % 3] + (i,) for i in range(300)])
        # Mid.g's site sees a Leaf, a Mid and a Leaf2: three entries of one
        # polymorphic record, no deopt and no generic executions after it.
        self.assertGreaterEqual(s.get("form.LOAD_SUPER_ATTR_POLY", 0), 250, s)
        self.assertGreaterEqual(s.get("form.LOAD_SUPER_ATTR_METHOD_CACHED", 0), 350, s)
        self.assertEqual(s.get("LOAD_SUPER_ATTR.deopts", 0), 0, s)
        self.assertLessEqual(s.get("LOAD_SUPER_ATTR.generic", 0), 6, s)

    def test_base_method_replaced(self):
        c = super_cached_classes()
        objs = [c.Leaf(), c.Mid()]
        call_g(objs, 100)
        sigil.reset_stats()
        c.Base.g = lambda self, k: ("new", k)
        self.assertEqual(call_g(objs, 4),
                         [("leaf", "mid", "new", 0), ("mid", "new", 1),
                          ("leaf", "mid", "new", 2), ("mid", "new", 3)])
        s = sigil.stats()
        misses = sum(v for k, v in s.items()
                     if k.startswith("guard.LOAD_SUPER_ATTR_"))
        self.assertGreaterEqual(misses, 1, s)
        del c.Mid.g   # Leaf's super().g() now reaches Base directly
        self.assertEqual(call_g([c.Leaf()], 2), [("leaf", "new", 0), ("leaf", "new", 1)])

    def test_bases_reassigned(self):
        c = super_cached_classes()
        leaf = c.Leaf()
        self.assertEqual(call_g([leaf], 100)[-1], ("leaf", "mid", "base", 99))
        c.Leaf.__bases__ = (c.Other,)
        self.assertEqual(call_g([leaf], 3), [("leaf", "other", i) for i in range(3)])
        c.Leaf.__bases__ = (c.Mid,)
        self.assertEqual(call_g([leaf], 3), [("leaf", "mid", "base", i) for i in range(3)])

    def test_class_operand_checked(self):
        # One code object, two classes: the __class__ cell differs per
        # function, type(self) does not; each call must start past its own.
        c = super_cached_classes()
        self.assertIs(c.C1.g.__code__, c.C2.g.__code__)
        sigil.reset_stats()
        r = call_g([c.C2(), c.C1()], 200)
        self.assertEqual(r[-2:], [("C2", "C1", "base", 198), ("C1", "base", 199)])
        # the entry of type C2 misses on every other call (the class
        # operand's version guard): its budget spent, the site keeps the
        # immediate form, which caches nothing
        s = sigil.stats()
        self.assertGreaterEqual(s["guard.LOAD_SUPER_ATTR_METHOD_CACHED.GUARD_SUPER_CLASS_VERSION"],
                                1, s)
        self.assertGreaterEqual(s["LOAD_SUPER_ATTR.deopts"], 1, s)
        self.assertGreaterEqual(s["form.LOAD_SUPER_ATTR_METHOD"], 150, s)

    def test_too_many_receivers_demote(self):
        # Five receiver types at Mid.g's site, one more than a record
        # holds: the site ends on the immediate form, not generic.
        c = super_cached_classes()
        classes = [c.Mid, c.Leaf, c.Leaf2, type("L4", (c.Mid,), {}), type("L5", (c.Mid,), {})]
        objs = [k() for k in classes]
        sigil.reset_stats()
        r = call_g(objs, 500)
        self.assertEqual(r[-5:], [("mid", "base", 495), ("leaf", "mid", "base", 496),
                                  ("mid", "base", 497), ("mid", "base", 498),
                                  ("mid", "base", 499)])
        s = sigil.stats()
        self.assertGreaterEqual(s["LOAD_SUPER_ATTR.deopts"], 1, s)
        self.assertGreaterEqual(s["form.LOAD_SUPER_ATTR_METHOD"], 300, s)
        self.assertLessEqual(s["LOAD_SUPER_ATTR.generic"], 20, s)

    def test_other_receivers_stay_immediate(self):
        c = super_cached_classes()
        A, B, G = c.A, c.B, c.G
        self.assertEqual(call_g([B()], 100)[-1], ("b", "a", 99))   # cacheable
        sigil.reset_stats()
        for i in range(100):
            self.assertEqual(B.cm(i), ("B", i))
            self.assertEqual(B().h(i), ("B", i))
            self.assertEqual(G().g(i), ("b", "a", i))
        s = {k: v for k, v in sigil.stats().items() if v}
        self.assertGreaterEqual(s.get("form.LOAD_SUPER_ATTR_METHOD", 0), 280, s)
        self.assertEqual(s.get("form.LOAD_SUPER_ATTR_METHOD_CACHED", 0), 0, s)

    def test_exception_paths(self):
        c = super_cached_classes()
        objs = [c.Leaf(), c.Mid()]
        call_g(objs, 100)
        del c.Base.g
        with self.assertRaises(AttributeError):
            c.Mid().g(1)
        c.Base.g = lambda self, k: ("again", k)
        self.assertEqual(call_g(objs, 2), [("leaf", "mid", "again", 0), ("mid", "again", 1)])


def _inner_gen(n):
    total = 0
    for i in range(n):
        x = yield i
        total += x or 0
    return total


def _outer_gen(n):
    r = yield from _inner_gen(n)
    yield ("done", r)


def drive_yield_from(n):
    g = _outer_gen(n)
    out = [next(g)]
    while True:
        try:
            out.append(g.send(1))
        except StopIteration:
            return out


async def _leaf(x):
    return x * 2


async def _mid(x):
    return await _leaf(x) + 1


async def _top(n):
    s = 0
    for i in range(n):
        s += await _mid(i)
    return s


def drive_coro(n):
    try:
        _top(n).send(None)
    except StopIteration as e:
        return e.value


def throw_through(n):
    def g():
        try:
            yield 1
            yield 2
        except KeyError:
            yield "caught"
        raise ValueError("boom")

    def d():
        yield from g()
    out = []
    for _ in range(n):
        it = d()
        out.append(next(it))
        out.append(it.throw(KeyError))
        try:
            next(it)
        except ValueError as e:
            out.append(str(e))
    return out


def assert_self_resumption_raises(test, selfish):
    """selfish(me) resumes me[0], itself, once past its first yield: the
    running generator cannot be claimed, and the generic path raises."""
    me = [None]
    for _ in range(60):
        me[0] = g = selfish(me)
        next(g)
        with test.assertRaises(ValueError):
            next(g)


class SendGen(unittest.TestCase):
    """SEND_GEN runs the delegated-to generator's frame inline."""

    def test_yield_from_and_return_value(self):
        r, s = stats_delta(drive_yield_from, 300)
        self.assertEqual(r, list(range(300)) + [("done", 300)])
        self.assertGreaterEqual(s.get("form.SEND_GEN", 0), 250, s)

    def test_await_chain(self):
        r, s = stats_delta(drive_coro, 300)
        self.assertEqual(r, sum(2 * i + 1 for i in range(300)))
        self.assertGreaterEqual(s.get("form.SEND_GEN", 0), 500, s)

    def test_throw_and_raise_through(self):
        r, s = stats_delta(throw_through, 100)
        self.assertEqual(r, [1, "caught", "boom"] * 100)
        self.assertGreaterEqual(s.get("form.SEND_GEN", 0), 50, s)

    def test_running_generator_misses(self):
        # A generator delegating to itself: the inner SEND finds it
        # executing, misses, and the generic send raises as CPython does.
        def selfish(me):
            yield 0
            yield from me[0]
        assert_self_resumption_raises(self, selfish)

    def test_not_a_generator(self):
        def d(it):
            return (yield from it)
        def run(n):
            out = []
            for _ in range(n):
                out.extend(d(iter([1, 2])))
            return out
        r, s = stats_delta(run, 60)
        self.assertEqual(r, [1, 2] * 60)
        self.assertEqual(s.get("form.SEND_GEN", 0), 0, s)


def _evens(n):
    for i in range(n):
        yield 2 * i
    return "ret"


def for_gen(n):
    s = 0
    for _ in range(20):
        for v in _evens(n):
            s += v
    return s


def for_gen_raising(n):
    def g():
        yield 1
        raise KeyError("k")
    out = []
    for _ in range(n):
        try:
            for v in g():
                out.append(v)
        except KeyError:
            out.append("E")
    return out


class ForIterGen(unittest.TestCase):
    """FOR_ITER_GEN runs the iterated generator's frame inline."""

    def test_values_and_exhaustion(self):
        r, s = stats_delta(for_gen, 50)
        self.assertEqual(r, 20 * sum(2 * i for i in range(50)))
        self.assertGreaterEqual(s.get("form.FOR_ITER_GEN", 0), 900, s)

    def test_exception_out_of_generator(self):
        r, s = stats_delta(for_gen_raising, 60)
        self.assertEqual(r, [1, "E"] * 60)
        self.assertGreaterEqual(s.get("form.FOR_ITER_GEN", 0), 50, s)

    def test_running_generator_misses(self):
        def selfish(me):
            yield 0
            for v in me[0]:
                yield v
        assert_self_resumption_raises(self, selfish)


def for_gen_kept(n):
    # A second reference in a list: the claim must take the CAS.
    kept = []
    s = 0
    for _ in range(20):
        g = _evens(n)
        kept.append(g)
        for v in g:
            s += v
    return s


def for_gen_weakly_referenced(n):
    # A generator that was ever weakly referenced carries the flag in its
    # shared count: not provably unshared.
    refs = []

    def watched():
        g = _evens(n)
        refs.append(weakref.ref(g))
        return g
    s = 0
    for _ in range(20):
        for v in watched():    # the stack's reference is the only strong one
            s += v
    return s


class UnsharedGeneratorClaim(unittest.TestCase):
    """A generator or coroutine whose one reference is the stack slot
    FOR_ITER_GEN or SEND_GEN runs on is claimed by a plain store
    (eval.gens_unshared); any other reference, a weak reference, or
    another owner thread means the compare-and-swap."""

    def test_for_loop_over_a_fresh_generator(self):
        r, s = stats_delta(for_gen, 50)
        self.assertEqual(r, 20 * sum(2 * i for i in range(50)))
        self.assertGreaterEqual(s.get("eval.gens_unshared", 0), 900, s)
        self.assertLessEqual(s.get("eval.gens_unshared", 0), s.get("form.FOR_ITER_GEN", 0), s)

    def test_yield_from_and_await(self):
        r, s = stats_delta(drive_yield_from, 300)
        self.assertEqual(r, list(range(300)) + [("done", 300)])
        # the outer generator is driven by send() (CPython's path); the
        # inner one, referenced only by the outer's stack, is claimed plainly
        self.assertGreaterEqual(s.get("eval.gens_unshared", 0), 250, s)
        r, s = stats_delta(drive_coro, 300)
        self.assertEqual(r, sum(2 * i + 1 for i in range(300)))
        self.assertGreaterEqual(s.get("eval.gens_unshared", 0), 500, s)

    def test_other_references_take_the_compare_and_swap(self):
        expect = 20 * sum(2 * i for i in range(50))
        for fn in (for_gen_kept, for_gen_weakly_referenced):
            with self.subTest(fn=fn.__name__):
                r, s = stats_delta(fn, 50)
                self.assertEqual(r, expect)
                self.assertGreaterEqual(s.get("form.FOR_ITER_GEN", 0), 900, s)
                self.assertEqual(s.get("eval.gens_unshared", 0), 0, s)

    def test_generator_of_another_thread(self):
        # Made by one thread, iterated by another: the iterating thread
        # does not own it, whatever the counts say.
        made = []
        t = threading.Thread(target=lambda: made.extend(_evens(50) for _ in range(20)))
        t.start()
        t.join()

        def consume(gens):
            s = 0
            while gens:
                for v in gens.pop():
                    s += v
            return s
        r, s = stats_delta(consume, made)
        self.assertEqual(r, 20 * sum(2 * i for i in range(50)))
        self.assertGreaterEqual(s.get("form.FOR_ITER_GEN", 0), 900, s)
        self.assertEqual(s.get("eval.gens_unshared", 0), 0, s)


class _Doubler:
    def __init__(self, xs):
        self.xs = xs

    def __getitem__(self, i):
        return self.xs[i] * 2


class _StarGetitem:
    # (module level: functions made in a class body at module level have
    # deferred reference counting, which a record needs to cache one)
    def __getitem__(self, *args):
        return args[0]


def getitem_loop(v, n):
    s = 0
    for i in range(n):
        s += v[i % 3]
    return s


class SubscrGetitem(unittest.TestCase):
    """BINARY_SUBSCR_GETITEM calls a class's Python __getitem__ inline."""

    def test_form_and_class_change(self):
        class D(_Doubler):
            pass
        v = D([1, 2, 3])
        fn = fresh(getitem_loop)
        sigil.reset_stats()
        self.assertEqual(fn(v, 300), 1200)
        s = sigil.stats()
        self.assertGreaterEqual(s["form.BINARY_SUBSCR_GETITEM"], 290, s)
        D.__getitem__ = lambda self, i: -1
        self.assertEqual(fn(v, 30), -30)
        self.assertGreaterEqual(sigil.stats()["guard.BINARY_SUBSCR_GETITEM.GUARD_NOS_TYPE_VERSION"], 1)

    def test_code_swap_and_raise(self):
        class D(_Doubler):
            def __getitem__(self, i):
                return i
        def other(self, i):
            raise IndexError(i)
        v = D([1, 2, 3])
        fn = fresh(getitem_loop)
        self.assertEqual(fn(v, 90), sum(i % 3 for i in range(90)))
        D.__getitem__.__code__ = other.__code__
        with self.assertRaises(IndexError) as cm:
            fn(v, 3)
        self.assertEqual(cm.exception.args, (0,))

    def test_not_simple(self):
        r, s = stats_delta(getitem_loop, _StarGetitem(), 60)
        self.assertEqual(r, sum(i % 3 for i in range(60)))
        self.assertEqual(s.get("form.BINARY_SUBSCR_GETITEM", 0), 0, s)
        self.assertGreaterEqual(s.get("BINARY_SUBSCR.fail.code_flags", 0), 1, s)


# Classes for CALL_ALLOC_AND_ENTER_INIT, at module level (their __init__
# functions then have deferred reference counting, which a record needs).
class _Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class _Point3(_Point):
    pass


class _Returns5:
    def __init__(self):
        return 5


class _Raises:
    def __init__(self, x):
        raise ValueError(x)


class _Nested:
    def __init__(self, depth):
        self.child = _Nested(depth - 1) if depth else None


class _WithNew:
    def __new__(cls, x):
        return super().__new__(cls)

    def __init__(self, x):
        self.x = x


class _Slots:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


class _DictSlot:
    __slots__ = ("x", "__dict__")   # a dict at an offset, no inline values

    def __init__(self, x):
        self.x = x


class _NoInit:
    pass


class _StarInit:
    def __init__(self, *args):
        self.x = args[0]


# (module level: a function made at module level has deferred reference
# counting, which a record needs to cache it borrowed)
def _ga_tag(self, name):
    if name == "tag":
        return ("ga", object.__getattribute__(self, "v"))
    if name == "boom":
        raise KeyError("boom")
    return object.__getattribute__(self, name)


def _ga_other(self, name):
    if name == "tag":
        return "other"
    return object.__getattribute__(self, name)


def _ga_star(self, *args):
    return "star"


def _ga_fallback(self, name):
    return ("fallback", name)


class _GaHooked:
    __getattribute__ = _ga_tag

    def __init__(self, v):
        self.v = v

    def m(self):
        return "m"


class _GaWithGetattr:
    __getattribute__ = _ga_tag
    __getattr__ = _ga_fallback

    def __init__(self, v):
        self.v = v


def ga_tag_loop(o, n):
    out = []
    for _ in range(n):
        try:
            out.append(o.tag)
        except (AttributeError, KeyError) as e:
            out.append(type(e).__name__)
    return out


def ga_missing_loop(o, n):
    out = []
    for _ in range(n):
        try:
            out.append(o.missing)
        except AttributeError as e:
            out.append(str(e))
    return out


def ga_boom_loop(o, n):
    out = []
    for _ in range(n):
        try:
            out.append(o.boom)
        except KeyError as e:
            out.append(repr(e))
    return out


@unittest.skipUnless(sigil.info()["mode"] in ("interp", "jit"), "needs Sigil's interpreter")
class GetattributeOverridden(unittest.TestCase):
    """LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN calls a class's Python
    __getattribute__(owner, name) inline."""

    def test_form_and_results(self):
        r, s = stats_delta(ga_tag_loop, _GaHooked(7), 300)
        self.assertEqual(r, [("ga", 7)] * 300)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN", 0), 298, s)

    def test_method_load_declines(self):
        # o.m() is a method load: CPython 3.13 declines it, so does Sigil.
        def loop(o, n):
            return [o.m() for _ in range(n)]
        r, s = stats_delta(loop, _GaHooked(1), 100)
        self.assertEqual(r, ["m"] * 100)
        self.assertGreaterEqual(s.get("LOAD_ATTR.fail.method_load", 0), 1, s)

    def test_exceptions_propagate(self):
        # Raised inside the inlined frame: a KeyError, and the
        # AttributeError of object.__getattribute__ (no __getattr__).
        r, s = stats_delta(ga_boom_loop, _GaHooked(1), 100)
        self.assertEqual(r, ["KeyError('boom')"] * 100)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN", 0), 98, s)
        r, s = stats_delta(ga_missing_loop, _GaHooked(1), 100)
        self.assertEqual(r, ["'_GaHooked' object has no attribute 'missing'"] * 100)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN", 0), 98, s)

    def test_getattr_declines_and_falls_back(self):
        # With __getattr__ too, an AttributeError from __getattribute__
        # must reach __getattr__: no form, as in CPython 3.13.
        r, s = stats_delta(ga_missing_loop, _GaWithGetattr(1), 100)
        self.assertEqual(r, [("fallback", "missing")] * 100)
        self.assertEqual(s.get("form.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN", 0), 0, s)
        self.assertGreaterEqual(s.get("LOAD_ATTR.fail.getattr_hook", 0), 1, s)
        r, s = stats_delta(ga_tag_loop, _GaWithGetattr(2), 100)
        self.assertEqual(r, [("ga", 2)] * 100)

    def test_getattr_added_later(self):
        # __getattr__ added to a class whose loads are specialized: the
        # type version guard misses, and the fallback runs from then on.
        class C(_GaHooked):
            pass
        def loop(o, n):
            out = []
            for i in range(n):
                if i == 150:
                    C.__getattr__ = _ga_fallback
                try:
                    out.append(o.missing)
                except AttributeError:
                    out.append("AttributeError")
            return out
        r, s = stats_delta(loop, C(1), 300)
        self.assertEqual(r, ["AttributeError"] * 150 + [("fallback", "missing")] * 150)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN", 0), 140, s)
        self.assertGreaterEqual(s.get("guard.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN.GUARD_TOS_TYPE_VERSION", 0), 1, s)

    def test_replaced_and_removed(self):
        class C(_GaHooked):
            pass
        def loop(o, n):
            out = []
            for i in range(n):
                if i == 100:
                    C.__getattribute__ = _ga_other
                if i == 200:
                    C.__getattribute__ = object.__getattribute__
                out.append(o.tag if i < 200 else o.v)
            return out
        r, s = stats_delta(loop, C(3), 300)
        self.assertEqual(r, [("ga", 3)] * 100 + ["other"] * 100 + [3] * 100)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN", 0), 180, s)
        self.assertGreaterEqual(s.get("guard.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN.GUARD_TOS_TYPE_VERSION", 0), 1, s)

    def test_code_swapped(self):
        # The function stays, its __code__ changes: the function's version
        # guard misses (the type's version does not move).
        # (a top-level def of its own: deferred-RC, and versioned by
        # MAKE_FUNCTION, which FunctionType() does not do)
        ns = {}
        exec("def fn(self, name):\n"
             "    if name == 'tag':\n"
             "        return ('ga', object.__getattribute__(self, 'v'))\n"
             "    return object.__getattribute__(self, name)\n", ns)
        fn = ns["fn"]
        class C(_GaHooked):
            __getattribute__ = fn
        def loop(o, n):
            out = []
            for i in range(n):
                if i == 150:
                    fn.__code__ = _ga_other.__code__
                out.append(o.tag)
            return out
        r, s = stats_delta(loop, C(4), 300)
        self.assertEqual(r, [("ga", 4)] * 150 + ["other"] * 150)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN", 0), 140, s)
        self.assertGreaterEqual(s.get("guard.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN.GUARD_GETTER_VERSION", 0), 1, s)

    def test_not_simple(self):
        class C(_GaHooked):
            __getattribute__ = _ga_star
        r, s = stats_delta(ga_tag_loop, C(1), 60)
        self.assertEqual(r, ["star"] * 60)
        self.assertEqual(s.get("form.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN", 0), 0, s)
        self.assertGreaterEqual(s.get("LOAD_ATTR.fail.code_flags", 0), 1, s)

    def test_other_instance_types(self):
        # One word, instances of another class (plain, and with another
        # __getattribute__): each misses the type version and is right.
        class Plain:
            tag = "plain"
        class C(_GaHooked):
            __getattribute__ = _ga_other
        objs = [_GaHooked(5)] * 100 + [Plain(), C(0)]
        def loop(objs):
            return [o.tag for o in objs]
        r, s = stats_delta(loop, objs)
        self.assertEqual(r, [("ga", 5)] * 100 + ["plain", "other"])
        # the first other type misses the plain record's guard (and grows a
        # polymorphic record), the second the polymorphic selector
        self.assertEqual(s.get("guard.LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN.GUARD_TOS_TYPE_VERSION", 0)
                         + s.get("guard.LOAD_ATTR_POLY.SELECT_TYPE_ENTRY", 0), 2, s)


class _Meta(type):
    pass


class _WithMeta(metaclass=_Meta):
    def __init__(self, x):
        self.x = x


def module_level(src):
    """Run class definitions as module-level code, so their functions are
    not nested (a fresh class per test, cacheable like _Point's)."""
    ns = {}
    exec(src, ns)
    return ns


def construct_loop(cls, n):
    s = 0
    for i in range(n):
        s += cls(i, 1).x
    return s


def construct1_loop(cls, n):
    last = None
    for i in range(n):
        last = cls(i)
    return last


class AllocAndEnterInit(unittest.TestCase):
    """CALL_ALLOC_AND_ENTER_INIT: a Python class whose instances
    object.__new__ makes is instantiated inline (allocation, then its
    __init__ frame over CPython's result-checking shim frame)."""

    def test_form_and_results(self):
        for cls in (_Point, _Point3):
            r, s = stats_delta(construct_loop, cls, 300)
            self.assertEqual(r, sum(range(300)), cls)
            self.assertGreaterEqual(s.get("form.CALL_ALLOC_AND_ENTER_INIT", 0), 290, s)
        last = fresh(construct1_loop)(_Nested, 100)
        self.assertEqual(type(last), _Nested)
        depth = 0
        while last is not None:
            last, depth = last.child, depth + 1
        self.assertEqual(depth, 1 + 99)

    def test_init_replaced_on_class_or_base(self):
        ns = module_level("class A:\n"
                          "    def __init__(self, x, y):\n"
                          "        self.x = x\n"
                          "class B(A):\n"
                          "    pass\n")
        A, B = ns["A"], ns["B"]
        fn = fresh(construct_loop)
        self.assertEqual(fn(B, 100), sum(range(100)))
        sigil.reset_stats()
        def init2(self, x, y):
            self.x = -x
        A.__init__ = init2
        self.assertEqual(fn(B, 10), -sum(range(10)))
        self.assertGreaterEqual(
            sigil.stats()["guard.CALL_ALLOC_AND_ENTER_INIT.GUARD_CALLABLE_CLASS_VERSION"], 1)
        # Not an instance of B: type.__call__ then skips __init__.
        B.__new__ = lambda cls, x, y: SimpleNamespace(x=42)
        self.assertEqual(fn(B, 3), 42 * 3)

    def test_init_code_swapped(self):
        A = module_level("class A:\n"
                         "    def __init__(self, x, y):\n"
                         "        self.x = x\n")["A"]
        def other(self, x, y):
            self.x = 1000 + x
        fn = fresh(construct_loop)
        self.assertEqual(fn(A, 100), sum(range(100)))
        sigil.reset_stats()
        A.__init__.__code__ = other.__code__
        self.assertEqual(fn(A, 10), 10000 + sum(range(10)))
        self.assertGreaterEqual(
            sigil.stats()["guard.CALL_ALLOC_AND_ENTER_INIT.GUARD_GETTER_VERSION"], 1)

    def test_init_must_return_none(self):
        def loop(n):
            msgs = set()
            for _ in range(n):
                try:
                    _Returns5()
                except TypeError as e:
                    msgs.add(str(e))
            return msgs
        r, s = stats_delta(loop, 200)
        self.assertEqual(r, {"__init__() should return None, not 'int'"})
        self.assertGreaterEqual(s.get("form.CALL_ALLOC_AND_ENTER_INIT", 0), 190, s)

    def test_exception_in_init(self):
        def loop(n):
            seen = []
            for i in range(n):
                try:
                    _Raises(i)
                except ValueError as e:
                    seen.append(e.args[0])
                    tb = e.__traceback__
            names = []
            while tb is not None:
                names.append(tb.tb_frame.f_code.co_name)
                tb = tb.tb_next
            return seen, names
        (seen, names), s = stats_delta(loop, 200)
        self.assertEqual(seen, list(range(200)))
        self.assertEqual(names, ["loop", "__init__"])   # the shim frame never shows
        self.assertGreaterEqual(s.get("form.CALL_ALLOC_AND_ENTER_INIT", 0), 190, s)

    def test_caller_frame_seen_from_init(self):
        A = module_level("import sys\n"
                         "class A:\n"
                         "    def __init__(self, x, y):\n"
                         "        f = sys._getframe(1)\n"
                         "        self.x = (f.f_code.co_name, f.f_lineno > 0)\n")["A"]
        def loop(n):
            out = set()
            for i in range(n):
                out.add(A(i, 0).x)
            return out
        r, s = stats_delta(loop, 200)
        self.assertEqual(r, {("loop", True)})
        self.assertGreaterEqual(s.get("form.CALL_ALLOC_AND_ENTER_INIT", 0), 190, s)

    def test_recursion_limit(self):
        limit = sys.getrecursionlimit()
        def deep(n):
            return _Nested(n)
        fn = fresh(construct1_loop)
        fn(_Nested, 100)   # specialized now
        sys.setrecursionlimit(200)
        try:
            with self.assertRaises(RecursionError):
                deep(1000)
            self.assertIsNotNone(deep(50))
        finally:
            sys.setrecursionlimit(limit)

    def test_slots_and_dict_offset_classes(self):
        # instances without inline values (__slots__, or a dict at an
        # offset) are made by the same tp_alloc object.__new__ calls
        for cls in (_Slots, _DictSlot):
            r, s = stats_delta(construct1_loop, cls, 100)
            self.assertEqual(type(r), cls)
            self.assertEqual(r.x, 99, cls)
            self.assertGreaterEqual(s.get("form.CALL_ALLOC_AND_ENTER_INIT", 0), 90, (cls, s))
        r = _Slots(3)
        self.assertFalse(hasattr(r, "__dict__"))
        with self.assertRaises(AttributeError):
            r.y = 1
        w = _DictSlot(4)
        w.y = 5
        self.assertEqual((w.x, w.__dict__), (4, {"y": 5}))

    def test_not_chosen(self):
        cases = [(_WithNew, "new_overridden"),
                 (_StarInit, "code_flags"), (_WithMeta, "metaclass")]
        for cls, reason in cases:
            r, s = stats_delta(construct1_loop, cls, 100)
            self.assertEqual(type(r), cls)
            self.assertEqual(r.x, 99, cls)
            self.assertEqual(s.get("form.CALL_ALLOC_AND_ENTER_INIT", 0), 0, cls)
            self.assertGreaterEqual(s.get("CALL.fail." + reason, 0), 1, (cls, s))
        r, s = stats_delta(lambda n: [_NoInit() for _ in range(n)], 100)
        self.assertEqual(len(r), 100)
        self.assertGreaterEqual(s.get("CALL.fail.init_kind", 0), 1, s)
        def wrong_count(n):
            errors = 0
            for _ in range(n):
                try:
                    _Point(1)
                except TypeError:
                    errors += 1
            return errors
        r, s = stats_delta(wrong_count, 100)
        self.assertEqual(r, 100)
        self.assertEqual(s.get("form.CALL_ALLOC_AND_ENTER_INIT", 0), 0, s)
        self.assertGreaterEqual(s.get("CALL.fail.argument_count", 0), 1, s)

    def test_made_abstract(self):
        A = module_level("class A:\n"
                         "    def __init__(self, x):\n"
                         "        self.x = x\n")["A"]
        fn = fresh(construct1_loop)
        sigil.reset_stats()
        self.assertEqual(fn(A, 100).x, 99)
        self.assertGreaterEqual(sigil.stats()["form.CALL_ALLOC_AND_ENTER_INIT"], 90)
        A.__abstractmethods__ = frozenset({"f"})
        with self.assertRaises(TypeError):
            fn(A, 1)
        A.__abstractmethods__ = frozenset()
        self.assertEqual(fn(A, 3).x, 2)


def _kw3(a, b, *, c):
    return (a, b, c)


def _kw_default(a, b=2):
    return (a, b)


def _kw_posonly(a, /, b):
    return (a, b)


class _KwMethods:
    def m(self, x, y):
        return (type(self).__name__, x, y)


class CallKeywords(unittest.TestCase):
    """CALL_KW_PY: a keyword call filling every parameter of a Python
    function runs inline, each keyword placed by the record's map."""

    def test_form_and_placement(self):
        def loop(n):
            k = _KwMethods()
            out = None
            for i in range(n):
                out = (_kw3(1, c=3, b=i), _kw3(c=0, a=1, b=2), k.m(y=i, x=0))
            return out
        r, s = stats_delta(loop, 300)
        self.assertEqual(r, ((1, 299, 3), (1, 2, 0), ("_KwMethods", 0, 299)))
        self.assertGreaterEqual(s.get("form.CALL_KW_PY", 0), 3 * 290, s)

    def test_code_swap_and_errors(self):
        ns = module_level("def f(a, b):\n    return (a, b)\n")
        f = ns["f"]
        def loop(n):
            out = []
            for i in range(n):
                try:
                    out.append(f(b=i, a=0))
                except TypeError as e:
                    out.append(str(e))
            return out
        fn = fresh(loop)
        self.assertEqual(fn(100)[-1], (0, 99))
        sigil.reset_stats()
        f.__code__ = (lambda x, y: (y, x)).__code__
        self.assertEqual(fn(3), ["f() got an unexpected keyword argument 'b'"] * 3)
        self.assertGreaterEqual(sigil.stats()["guard.CALL_KW_PY.GUARD_FUNC_VERSION"], 1)
        f.__code__ = (lambda a, b: (b, a)).__code__
        self.assertEqual(fn(100)[-1], (99, 0))

    def test_not_chosen(self):
        def loop(n):
            out = []
            for i in range(n):
                out.append(_kw_default(a=i))       # a default is used
                try:
                    _kw_posonly(a=1, b=2)           # positional-only by keyword
                except TypeError as e:
                    out.append(str(e))
                out.append(sorted([2, 1], reverse=True))   # not a Python function
            return out[-3:]
        r, s = stats_delta(loop, 100)
        self.assertEqual(r, [(99, 2), "_kw_posonly() got some positional-only arguments passed "
                             "as keyword arguments: 'a'", [2, 1]])
        self.assertEqual(s.get("form.CALL_KW_PY", 0), 0, s)
        for reason in ("argument_count", "keyword_names", "callable_kind"):
            self.assertGreaterEqual(s.get("CALL_KW.fail." + reason, 0), 1, (reason, s))

    def test_self_slot_changes(self):
        # One site sees a function with self from LOAD_ATTR, then without.
        class A:
            pass
        a = A()
        a.m = lambda x, y: ("plain", x, y)
        def loop(objs):
            return [o.m(x=1, y=2) for o in objs]
        fn = fresh(loop)
        k = _KwMethods()
        self.assertEqual(fn([k] * 100)[-1], ("_KwMethods", 1, 2))
        self.assertEqual(fn([a] * 3), [("plain", 1, 2)] * 3)


class _MetaData(type):
    @property
    def k(cls):
        return "mdata"


class _MetaGetattr(type):
    def __getattr__(cls, name):
        return "mgetattr"


def class_k_loop(cls, n):
    out = []
    for _ in range(n):
        try:
            out.append(cls.k)
        except AttributeError:
            out.append("AttributeError")
    return out


@unittest.skipUnless(sigil.info()["mode"] in ("interp", "jit"), "needs Sigil's interpreter")
class ClassWithMetaclassCheck(unittest.TestCase):
    """LOAD_ATTR_CLASS_WITH_METACLASS_CHECK: a class attribute of a class
    whose metaclass is not type, guarded by both versions."""

    def test_form_and_results(self):
        class C(metaclass=_Meta):
            k = "cls"
        r, s = stats_delta(class_k_loop, C, 300)
        self.assertEqual(r, ["cls"] * 300)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS_WITH_METACLASS_CHECK", 0), 298, s)
        self.assertEqual(s.get("form.LOAD_ATTR_CLASS", 0), 0, s)

    def test_metaclass_gains_data_descriptor(self):
        # A data descriptor on the metaclass wins over the class attribute:
        # the metaclass's version guard must see it arrive (and go).
        class M(_Meta):
            pass
        class C(metaclass=M):
            k = "cls"
        def loop(n):
            out = []
            for i in range(n):
                if i == 100:
                    M.k = property(lambda cls: "mdata")
                if i == 200:
                    del M.k
                out.append(C.k)
            return out
        r, s = stats_delta(loop, 300)
        self.assertEqual(r, ["cls"] * 100 + ["mdata"] * 100 + ["cls"] * 100)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS_WITH_METACLASS_CHECK", 0), 90, s)
        self.assertGreaterEqual(
            s.get("guard.LOAD_ATTR_CLASS_WITH_METACLASS_CHECK.GUARD_TOS_METACLASS_VERSION", 0), 1, s)

    def test_metaclass_gains_plain_attribute_or_lookup_hook(self):
        # A plain metaclass attribute loses to the class's own; a
        # metaclass __getattribute__ wins over everything.
        class M(_Meta):
            pass
        class C(metaclass=M):
            k = "cls"
        def loop(n):
            out = []
            for i in range(n):
                if i == 100:
                    M.k = "mplain"
                if i == 200:
                    M.__getattribute__ = lambda cls, name: "mga"
                out.append(C.k)
            return out
        r, s = stats_delta(loop, 300)
        self.assertEqual(r, ["cls"] * 200 + ["mga"] * 100)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS_WITH_METACLASS_CHECK", 0), 180, s)

    def test_class_attribute_changes(self):
        class C(metaclass=_Meta):
            k = "cls"
        def loop(n):
            out = []
            for i in range(n):
                if i == 100:
                    C.k = "new"
                if i == 200:
                    del C.k
                try:
                    out.append(C.k)
                except AttributeError:
                    out.append("AttributeError")
            return out
        r, s = stats_delta(loop, 300)
        self.assertEqual(r, ["cls"] * 100 + ["new"] * 100 + ["AttributeError"] * 100)
        self.assertGreaterEqual(
            s.get("guard.LOAD_ATTR_CLASS_WITH_METACLASS_CHECK.GUARD_TOS_CLASS_VERSION", 0), 1, s)

    def test_metaclass_switched(self):
        # C.__class__ = another metaclass, with a data descriptor k: the
        # guard meets another type's version.
        class M1(_Meta):
            pass
        class M2(_Meta):
            k = property(lambda cls: "m2")
        class C(metaclass=M1):
            k = "cls"
        def loop(n):
            out = []
            for i in range(n):
                if i == 150:
                    C.__class__ = M2
                out.append(C.k)
            return out
        r, s = stats_delta(loop, 300)
        self.assertEqual(r, ["cls"] * 150 + ["m2"] * 150)
        self.assertGreaterEqual(
            s.get("guard.LOAD_ATTR_CLASS_WITH_METACLASS_CHECK.GUARD_TOS_METACLASS_VERSION", 0), 1, s)

    def test_declines(self):
        # Metaclass data descriptor of the name at specialization: its
        # value is the answer, no form; a metaclass __getattr__: no form.
        class C(metaclass=_MetaData):
            k = "cls"
        r, s = stats_delta(class_k_loop, C, 60)
        self.assertEqual(r, ["mdata"] * 60)
        self.assertGreaterEqual(s.get("LOAD_ATTR.fail.metaclass_attr", 0), 1, s)
        class D(metaclass=_MetaGetattr):
            k = "cls"
        r, s = stats_delta(class_k_loop, D, 60)
        self.assertEqual(r, ["cls"] * 60)
        self.assertGreaterEqual(s.get("LOAD_ATTR.fail.metaclass", 0), 1, s)
        self.assertEqual(s.get("form.LOAD_ATTR_CLASS_WITH_METACLASS_CHECK", 0), 0, s)

    def test_plain_class_with_type_method_name(self):
        # type's own non-data attribute of the name (type.__init__) loses
        # to the class's: LOAD_ATTR_CLASS applies; a data descriptor of
        # type (__name__) wins, and no form is chosen.
        def loop(n):
            return [Point.__init__ for _ in range(n)]
        r, s = stats_delta(loop, 100)
        self.assertTrue(all(f is Point.__dict__["__init__"] for f in r))
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS", 0), 98, s)
        def names(n):
            return [Point.__name__ for _ in range(n)]
        r, s = stats_delta(names, 60)
        self.assertEqual(r, ["Point"] * 60)
        self.assertGreaterEqual(s.get("LOAD_ATTR.fail.metaclass_attr", 0), 1, s)


class _DictSub(dict):
    pass


class DictGet(unittest.TestCase):
    """CALL_DICT_GET: dict.get of an exact dict looks the key up outside
    the dict's critical section, with the method's results and errors."""

    def test_form_results_and_errors(self):
        d = {"a": 1, 2: "two", None: 0}
        def loop(n):
            out = None
            for i in range(n):
                out = (d.get("a"), d.get(2, "x"), d.get("zz"), d.get("zz", i), dict.get(d, None, 5))
            return out
        r, s = stats_delta(loop, 300)
        self.assertEqual(r, (1, "two", None, 299, 0))
        self.assertGreaterEqual(s.get("form.CALL_DICT_GET", 0), 5 * 290, s)
        def errors(n):
            out = []
            for i in range(n):
                try:
                    d.get([i])
                except TypeError as e:
                    out.append(str(e))
            return out[-1]
        r, s = stats_delta(errors, 100)
        self.assertEqual(r, "unhashable type: 'list'")
        self.assertGreaterEqual(s.get("form.CALL_DICT_GET", 0), 90, s)

    def test_from_another_thread(self):
        # The case stock 3.13t's dict.get is slow on: a dict, keys and
        # values made by another thread.
        d = {"k%d" % i: [i] for i in range(64)}
        out = []
        def loop():
            s = 0
            for i in range(2000):
                s += d.get("k%d" % (i & 63))[0] + len(d.get("nope", ()))
            out.append(s)
        sigil.reset_stats()
        t = threading.Thread(target=loop)
        t.start()
        t.join()
        self.assertEqual(out, [sum(i & 63 for i in range(2000))])
        self.assertGreaterEqual(sigil.stats()["form.CALL_DICT_GET"], 2 * 1900)

    def test_subclass_and_other_get(self):
        sub = _DictSub(a=1)
        class M:
            def get(self, k, d=None):
                return "mine"
        def loop(objs):
            return [o.get("a") for o in objs]
        fn = fresh(loop)
        self.assertEqual(fn([{"a": 3}] * 100), [3] * 100)
        sigil.reset_stats()
        self.assertEqual(fn([sub, M(), {"a": 4}]), [1, "mine", 4])
        s = sigil.stats()
        self.assertGreaterEqual(s["guard.CALL_DICT_GET.GUARD_SELF_DICT"] +
                                s["guard.CALL_DICT_GET.GUARD_CALLABLE_IS_RECORDED"], 2, s)


class _PA:
    tag = "PA"

    def __init__(self, x):
        self.x = x

    def m(self):
        return "PA"


class _PB:
    tag = "PB"

    def __init__(self, x):
        self.w = 0          # another layout: x at another index
        self.x = x

    def m(self):
        return "PB"


class _PS:
    __slots__ = ("x",)
    tag = "PS"

    def __init__(self, x):
        self.x = x

    def m(self):
        return "PS"


class _PK:
    x = 7               # a class attribute: no instance value
    tag = "PK"

    def m(self):
        return "PK"


class _PChange:
    def __init__(self):
        self.x = 1


def _pchange_old(self):
    return "old"


def _pchange_new(self):
    return "new"


class _PMetaType(type):
    pass


class _PMeta(metaclass=_PMetaType):
    tag = "PM"


class _PWithDefault:
    def m(self, tail="D"):
        return "P" + tail


class _PBuiltinM:
    m = staticmethod("PBuiltin".__str__)


def poly_loads(objs, n):
    out = []
    for i in range(n):
        o = objs[i % len(objs)]
        out.append((o.x, o.m(), o.tag))
    return out


def poly_stores(objs, n):
    for i in range(n):
        o = objs[i % len(objs)]
        o.x = i
    return [o.x for o in objs]


def poly_expected(objs, n):
    return [(o.x, type(o).m(o), type(o).tag) for o in (objs[i % len(objs)] for i in range(n))]


class Polymorphic(unittest.TestCase):
    """An attribute site that meets several types grows a polymorphic
    record (LOAD_ATTR_POLY / STORE_ATTR_POLY) of up to four entries, each
    a monomorphic form selected by the owner's type version."""

    def objs(self):
        return [_PA(1), _PB(2), _PS(3), _PK()]

    def test_four_types_one_record(self):
        objs = self.objs()
        r, s = stats_delta(poly_loads, objs, 400)
        self.assertEqual(r, poly_expected(objs, 400))
        # three sites, each polymorphic after its first four executions
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_POLY", 0), 3 * 380, s)
        # each entry's own form runs under the selector
        for form in ("INSTANCE_VALUE", "SLOT", "NONDESCRIPTOR_WITH_VALUES",
                     "METHOD_WITH_VALUES", "METHOD_NO_DICT", "NONDESCRIPTOR_NO_DICT"):
            self.assertGreaterEqual(s.get("form.LOAD_ATTR_" + form, 0), 90, (form, s))
        self.assertEqual(s.get("LOAD_ATTR.deopts", 0), 0, s)
        # growing is a miss of the type, never a miss inside an entry
        self.assertLessEqual(s.get("guard.LOAD_ATTR_POLY.SELECT_TYPE_ENTRY", 0), 6, s)

    def test_fifth_type_misses_and_stays_right(self):
        class Fifth:
            x = 9
            tag = "F"

            def m(self):
                return "F"
        objs = self.objs() + [Fifth()]
        r, s = stats_delta(poly_loads, objs, 500)
        self.assertEqual(r, poly_expected(objs, 500))
        self.assertGreaterEqual(s.get("guard.LOAD_ATTR_POLY.SELECT_TYPE_ENTRY", 0), 3 * 8, s)
        # The fifth type's misses run generic; one in 16 is charged to the
        # budget (MegamorphicSites), so the records mostly stay.
        self.assertGreaterEqual(s.get("spec.full_misses_spared", 0), 3 * 50, s)
        self.assertLessEqual(s.get("LOAD_ATTR.deopts", 0), 12, s)

    def test_class_change_replaces_its_entry(self):
        # (module-level classes and functions: nested ones have no deferred
        # reference count, so no record may cache them)
        objs = [_PChange(), _PB(2), _PS(3)]
        _PChange.m = _pchange_old

        def loop(n):
            out = []
            for i in range(n):
                if i == 150:
                    _PChange.m = _pchange_new     # the class's version changes
                out.append(objs[i % 3].m())
            return out
        r, s = stats_delta(loop, 300)
        exp = [("old" if i < 150 else "new") if i % 3 == 0 else type(objs[i % 3]).m(objs[i % 3])
               for i in range(300)]
        self.assertEqual(r, exp)
        # the stale entry was replaced in place: no deopt, the record stays
        self.assertEqual(s.get("LOAD_ATTR.deopts", 0), 0, s)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_POLY", 0), 290, s)
        # misses: the second type, the third, and the changed class
        self.assertEqual(s.get("LOAD_ATTR.misses", 0), 3, s)

    def test_materialized_dict_misses_inside_its_entry(self):
        objs = self.objs()
        fn = fresh(poly_loads)
        fn(objs, 40)
        odd = _PA(5)
        odd.__dict__["extra"] = 1     # materialized: inline values gone
        sigil.reset_stats()
        r = fn(objs + [odd], 10)
        s = {k: v for k, v in sigil.stats().items() if v}
        self.assertEqual(r, poly_expected(objs + [odd], 10))
        # _PA's entry is selected (no selector miss), and a guard of that
        # entry fails (the name added to the shared keys)
        self.assertEqual(s.get("guard.LOAD_ATTR_POLY.SELECT_TYPE_ENTRY", 0), 0, s)
        entry_misses = sum(v for k, v in s.items()
                           if k.startswith("guard.LOAD_ATTR_") and "POLY" not in k)
        self.assertGreaterEqual(entry_misses, 1, s)

    def test_stores(self):
        objs = [_PA(0), _PB(0), _PS(0)]
        r, s = stats_delta(poly_stores, objs, 300)
        self.assertEqual(r, [297, 298, 299])
        self.assertGreaterEqual(s.get("form.STORE_ATTR_POLY", 0), 290, s)
        self.assertGreaterEqual(s.get("form.STORE_ATTR_SLOT", 0), 95, s)
        self.assertGreaterEqual(s.get("form.STORE_ATTR_INSTANCE_VALUE", 0), 190, s)

    def test_calls(self):
        # o.m() meets three functions (one with a default): one CALL_PY_POLY
        # record, each entry its own form
        objs = self.objs()[:3] + [_PWithDefault()]

        def loop(n):
            return [objs[i % 4].m() for i in range(n)]
        r, s = stats_delta(loop, 400)
        self.assertEqual(r, ["PA", "PB", "PS", "PD"] * 100)
        self.assertGreaterEqual(s.get("form.CALL_PY_POLY", 0), 390, s)
        self.assertGreaterEqual(s.get("form.CALL_PY_WITH_DEFAULTS", 0), 95, s)
        self.assertGreaterEqual(s.get("form.CALL_PY_EXACT_ARGS", 0), 290, s)
        self.assertEqual(s.get("CALL.deopts", 0), 0, s)

    def test_call_code_swap_misses(self):
        # a function whose __code__ is replaced has no version any more
        # (3.13 zeroes it for good): its calls miss, and stay right
        objs = [_PChange(), _PB(2), _PS(3)]
        _PChange.m = _pchange_old
        saved = _pchange_old.__code__

        def loop(n):
            out = []
            for i in range(n):
                if i == 150:
                    _pchange_old.__code__ = _pchange_new.__code__
                out.append(objs[i % 3].m())
            return out
        try:
            r, s = stats_delta(loop, 300)
        finally:
            _pchange_old.__code__ = saved
        exp = [("old" if i < 150 else "new") if i % 3 == 0 else type(objs[i % 3]).m(objs[i % 3])
               for i in range(300)]
        self.assertEqual(r, exp)
        self.assertGreaterEqual(s.get("form.CALL_PY_POLY", 0), 140, s)
        self.assertGreaterEqual(s.get("guard.CALL_PY_POLY.SELECT_FUNC_ENTRY", 0), 2, s)
        # the unversioned function finds no entry: a failed attempt
        self.assertGreaterEqual(s.get("CALL.fail.func_version", 0), 1, s)

    def test_call_not_a_function(self):
        # a builtin at a polymorphic call site misses the selector and is
        # called right
        objs = [_PA(1), _PB(2), _PBuiltinM()]

        def loop(n):
            return [objs[i % 3].m() for i in range(n)]
        r, s = stats_delta(loop, 90)
        self.assertEqual(r, ["PA", "PB", "PBuiltin"] * 30)
        self.assertGreaterEqual(s.get("guard.CALL_PY_POLY.SELECT_FUNC_ENTRY", 0), 1, s)

    def test_class_attributes(self):
        # cls.tag over four classes (one of another metaclass): one
        # LOAD_ATTR_CLASS_POLY record, entries LOAD_ATTR_CLASS and
        # LOAD_ATTR_CLASS_WITH_METACLASS_CHECK, keyed by each class's own
        # version; a class changed mid-loop has its entry replaced
        classes = [_PA, _PB, _PS, _PMeta]

        def loop(n):
            out = []
            for i in range(n):
                if i == 200:
                    _PMeta.tag = "PM2"
                out.append(classes[i % 4].tag)
            return out
        try:
            r, s = stats_delta(loop, 400)
        finally:
            _PMeta.tag = "PM"
        self.assertEqual(r, ["PA", "PB", "PS", "PM"] * 50 + ["PA", "PB", "PS", "PM2"] * 50)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS_POLY", 0), 390, s)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS_WITH_METACLASS_CHECK", 0), 95, s)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS", 0), 290, s)
        self.assertEqual(s.get("LOAD_ATTR.deopts", 0), 0, s)
        # an instance at a class site is an ordinary miss, and right
        objs = classes[:3] + [_PA(1)]
        r, s = stats_delta(lambda n: [objs[i % 4].tag for i in range(n)], 40)
        self.assertEqual(r, ["PA", "PB", "PS", "PA"] * 10)

    def test_records_are_freed(self):
        # grown records are retired (QSBR) as they are replaced, and the
        # polymorphic sites, settled, grow no more (a site still in backoff
        # from a failure may publish once)
        objs = self.objs()
        fn = fresh(poly_loads)
        sigil.reset_stats()
        fn(objs, 100)
        s1 = sigil.stats()
        # three attribute sites and one call site grew three times each
        self.assertGreaterEqual(s1["spec.records_retired"], 4 * 3, s1)
        fn(objs, 100)
        s2 = sigil.stats()
        # (not one per execution: 100 more ran)
        self.assertLessEqual(s2["memory.records_live"] - s1["memory.records_live"], 4)
        self.assertEqual(s2["guard.LOAD_ATTR_POLY.SELECT_TYPE_ENTRY"],
                         s1["guard.LOAD_ATTR_POLY.SELECT_TYPE_ENTRY"])

    def test_record_gauges_across_threads(self):
        # Records made and retired on worker threads that then exit are
        # still counted: memory.records_live / records_retired sum every
        # thread's share (a record may be made by one thread and retired
        # by another), parked thread states included.
        objs = self.objs()

        def churn(fn):
            ts = [threading.Thread(target=fn, args=(objs, 60)) for _ in range(4)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()

        churn(fresh(poly_loads))   # the thread machinery's own sites settle
        s0 = sigil.stats()
        fn = fresh(poly_loads)
        churn(fn)
        s1 = sigil.stats()
        # four sites grew to four entries: a record published and one
        # retired per growth, all on the workers; about one record per
        # site of the function is left (not one per execution: 240 ran),
        # plus those of thread-machinery sites that settle only now (a
        # module global's keys-version form holds a record too)
        self.assertGreaterEqual(s1["memory.records_retired"] - s0["memory.records_retired"], 4 * 3)
        grown = s1["memory.records_live"] - s0["memory.records_live"]
        self.assertGreaterEqual(grown, 4)
        self.assertLessEqual(grown, 24)
        self.assertGreaterEqual(s1["memory.records_live"], 0)
        # a stats reset leaves the gauges alone (give or take the records
        # of the few sites run in between)
        sigil.reset_stats()
        s2 = sigil.stats()
        self.assertLessEqual(abs(s2["memory.records_live"] - s1["memory.records_live"]), 32)
        self.assertGreaterEqual(s2["memory.records_retired"], s1["memory.records_retired"])

MIDFRAME_SCRIPT = r"""
import sys
mon = sys.monitoring
TOOL = 4
mon.use_tool_id(TOOL, "sigil-test")

def lines_after_enabling(body):
    lines = []
    code = body.__code__
    def on_line(c, line):
        if c is code:
            lines.append(line - code.co_firstlineno)
    def enable():
        mon.register_callback(TOOL, mon.events.LINE, on_line)
        mon.set_local_events(TOOL, code, mon.events.LINE)
    try:
        r = body(enable)
    finally:
        mon.set_local_events(TOOL, code, 0)
        mon.register_callback(TOOL, mon.events.LINE, None)
    return r, lines

def from_a_call(enable):
    a = 1.5
    b = a * 2.0
    enable()
    c = a + b
    d = c * c
    return d

class Hook:
    def __init__(self, fn):
        self.fn = fn
    def __del__(self):
        self.fn()

def from_a_finalizer(enable):
    h = Hook(enable)
    x = 2
    h = None
    y = x + x
    return y

def from_a_loop_end(enable):
    for v in [Hook(enable), 1]:
        pass
    x = 2
    y = x + x
    return y

for _ in range(3):   # cold, then specialized words
    print("call", *lines_after_enabling(from_a_call))
print("finalizer", *lines_after_enabling(from_a_finalizer))
for _ in range(40):   # FOR_ITER_LIST's form, with its exhaustion
    from_a_loop_end(lambda: None)
for _ in range(3):   # the list dies with its exhausted iterator
    print("loop end", *lines_after_enabling(from_a_loop_end))

class Box:
    def __init__(self):
        self.x = 0

BOX = Box()

def from_an_attr_store(enable):
    b = BOX
    b.x = Hook(enable)
    b.x = 2
    x = 2
    y = x + x
    return y

class Owner:
    def __init__(self, fn):
        self.fn = fn
        self.x = 2
    def __del__(self):
        self.fn()

def from_an_attr_load(enable):
    x = Owner(enable).x
    y = x + x
    return y

for _ in range(40):   # STORE_ATTR_INSTANCE_VALUE, LOAD_ATTR_INSTANCE_VALUE
    from_an_attr_store(lambda: None)
    from_an_attr_load(lambda: None)
for _ in range(3):   # a store's release of the old value runs the finalizer
    print("attr store", *lines_after_enabling(from_an_attr_store))
for _ in range(3):   # so does the release of an attribute load's owner
    print("attr load", *lines_after_enabling(from_an_attr_load))

def from_an_is(enable):
    r = Hook(enable) is None
    x = 2
    y = x + x
    return y

def from_a_none_test(enable):
    if Hook(enable) is not None:
        x = 2
    y = x + x
    return y

for _ in range(3):   # IS_OP releases the last reference of its operand
    print("is", *lines_after_enabling(from_an_is))
for _ in range(3):   # and so does POP_JUMP_IF_NONE
    print("none test", *lines_after_enabling(from_a_none_test))
"""

# Another thread switches LINE events on for a loop whose every instruction
# but the backward jump leaves without the monitoring check (int compare and
# add, a store whose old int goes to the free list): the jump's eval-breaker
# check is the loop's one safe point, the stop of the world the switch makes
# passes there, and the jump must then go through the check. The callback
# raises to end the loop (a miss would spin through 10**9 iterations).
OTHER_THREAD_SCRIPT = r"""
import sys, threading, time
mon = sys.monitoring
TOOL = 4
mon.use_tool_id(TOOL, "sigil-test")

class Seen(Exception):
    pass

started = threading.Event()

def spin(n):
    i = 0
    started.set()
    while i < n:
        i += 1
    return i

code = spin.__code__
lines = []

def on_line(c, line):
    if c is code:
        lines.append(line - code.co_firstlineno)
        raise Seen

def enabler():
    started.wait()
    time.sleep(0.05)
    mon.register_callback(TOOL, mon.events.LINE, on_line)
    mon.set_local_events(TOOL, code, mon.events.LINE)

for _ in range(3):   # specialized words
    spin(2000)
started.clear()
t = threading.Thread(target=enabler)
t.start()
try:
    print("finished", spin(10 ** 9))
except Seen:
    print("seen", lines[0] in (3, 4))
t.join()
"""


@unittest.skipUnless(sigil.info()["mode"] in ("interp", "jit"), "needs Sigil's interpreter")
class InstrumentationMidFrame(unittest.TestCase):
    """Events switched on while a frame runs on Sigil fire from the next
    instruction on, as in the stock loop: the frame's code is checked after
    every instruction that could have let instrumentation in. Run in a
    child (monitoring state is process-wide)."""

    def test_local_events_switched_on_mid_frame(self):
        import subprocess
        out = subprocess.run([sys.executable, "-X", "sigil=" + sigil.info()["mode"], "-c", MIDFRAME_SCRIPT],
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(out.stderr, "")
        self.assertEqual(out.stdout.splitlines(),
                         ["call 20.25 [4, 5, 6]"] * 3 + ["finalizer 4 [4, 5]"] +
                         ["loop end 4 [3, 4, 5]"] * 3 + ["attr store 4 [4, 5, 6]"] * 3 +
                         ["attr load 4 [2, 3]"] * 3 + ["is 4 [2, 3, 4]"] * 3 +
                         ["none test 4 [2, 3, 4]"] * 3)

    def test_local_events_switched_on_by_another_thread(self):
        import subprocess
        out = subprocess.run([sys.executable, "-X", "sigil=" + sigil.info()["mode"], "-c", OTHER_THREAD_SCRIPT],
                             capture_output=True, text=True, timeout=300)
        self.assertEqual(out.stderr, "")
        self.assertEqual(out.stdout.splitlines(), ["seen True"])


class RaceCoverage(unittest.TestCase):
    """Every specialized form (hence every micro-op of its steps) is named
    on the 'Attacks:' line of at least one race script (issue 4)."""

    def test_every_form_attacked(self):
        import glob
        races = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "races")
        attacked = set()
        for path in glob.glob(os.path.join(races, "race_*.py")):
            on = False   # the line and its indented continuations, as tools/sigil-races reads them
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.startswith("Attacks:"):
                        on = True
                        line = line[len("Attacks:"):]
                    elif not (on and line.startswith(" ")):
                        on = False
                    if on:
                        attacked.update(w.strip(" ,()") for w in line.split())
        forms = {k[len("form."):] for k in sigil.stats() if k.startswith("form.")}
        self.assertGreater(len(forms), 50)
        self.assertEqual(sorted(forms - attacked), [], "forms no race script attacks")


class GuardAndReasonCounters(unittest.TestCase):
    """Each guard failure is counted under its own name (guard.FORM.guard),
    each specialization failure under its reason (FAMILY.fail.reason)."""

    def check_sums(self, s):
        # Guard failures are exactly the misses; reasons exactly the failures.
        self.assertEqual(sum(v for k, v in s.items() if k.startswith("guard.")),
                         sum(v for k, v in s.items() if k.endswith(".misses")), s)
        fams = {k.split(".")[0] for k in s if k.endswith(".failures")}
        for fam in fams:
            self.assertEqual(sum(v for k, v in s.items() if k.startswith(fam + ".fail.")),
                             s.get(fam + ".failures", 0), fam)

    def assertOnlyGuard(self, s, key, n=1):
        self.assertEqual(nonzero(s, "guard."), {key: n}, s)
        self.check_sums(s)

    def test_every_key_present(self):
        s = sigil.stats()
        for key in ("guard.BINARY_OP_ADD_INT.GUARD_NOS_INT",
                    "guard.LOAD_ATTR_INSTANCE_VALUE.GUARD_TOS_TYPE_VERSION",
                    "guard.CALL_LIST_APPEND.LIST_APPEND_LOCKED", "guard.STORE_ATTR_WITH_HINT.STORE_HINT_ENTRY",
                    "BINARY_OP.fail.operand_types", "LOAD_ATTR.fail.getattr_override",
                    "CALL.fail.code_flags", "COMPARE_OP.fail.other", "FOR_ITER.fail.other"):
            self.assertIn(key, s)
        # An action step cannot fail: it has no guard key.
        self.assertNotIn("guard.BINARY_OP_ADD_INT.BINARY_ADD_INT", s)

    def test_count_executions_switch(self):
        # per-execution counters stop while counting is off; the others
        # (attempts, successes, misses...) are always kept
        was = sigil.count_executions(False)
        try:
            self.assertTrue(was)
            r, s = stats_delta(add_loop, [1] * 100)
            self.assertEqual(r, 100)
            self.assertEqual(s.get("form.BINARY_OP_ADD_INT", 0), 0, s)
            self.assertEqual(s.get("BINARY_OP.generic", 0), 0, s)
            self.assertGreaterEqual(s.get("BINARY_OP.successes", 0), 1, s)
            self.assertFalse(sigil.count_executions(True))
            r, s = stats_delta(add_loop, [1] * 100)
            self.assertGreaterEqual(s.get("form.BINARY_OP_ADD_INT", 0), 90, s)
        finally:
            sigil.count_executions(was)

    def test_count_executions_takes_effect_in_callees(self):
        # The loop is compiled twice, with and without the per-execution
        # counters: a frame keeps the copy it started on, and a switch
        # takes effect in the frames entered after it, from either copy.
        def flip_then(on, fn, arg):
            sigil.count_executions(on)
            return fn(arg)
        was = sigil.count_executions(False)
        try:
            # flip_then starts on the copy that does not count; add_loop,
            # entered after the switch, runs on the counting one
            r, s = stats_delta(flip_then, True, add_loop, [1] * 100)
            self.assertEqual(r, 100)
            self.assertGreaterEqual(s.get("form.BINARY_OP_ADD_INT", 0), 90, s)
            # and back
            r, s = stats_delta(flip_then, False, add_loop, [1] * 100)
            self.assertEqual(r, 100)
            self.assertEqual(s.get("form.BINARY_OP_ADD_INT", 0), 0, s)
        finally:
            sigil.count_executions(was)

    def test_count_executions_switch_under_generators(self):
        # A generator that switches counting while a loop resumes it
        # inline (FOR_ITER_GEN, SEND): every later resumption crosses to the
        # other copy and its yields come back through it.
        def flipping(n):
            for i in range(n):
                if i % 50 == 1:
                    sigil.count_executions(not sigil.count_executions(True))
                yield i

        def delegating(n):
            yield from flipping(n)

        def consume(n):
            t = 0
            for x in flipping(n):
                t += x
            for x in delegating(n):
                t += x
            return t

        was = sigil.count_executions(True)
        try:
            for _ in range(3):
                self.assertEqual(consume(400), 2 * sum(range(400)))
        finally:
            sigil.count_executions(was)

    def test_generic_executions(self):
        # FAMILY.generic counts runs of the unspecialized word: an int
        # power has no form, so every one of its runs is generic; an int
        # add is generic only until its word is specialized
        def loop(xs):
            r = 0
            for x in xs:
                r = r + x ** 2
            return r
        r, s = stats_delta(loop, [2] * 200)
        self.assertEqual(r, 800)
        self.assertGreaterEqual(s["BINARY_OP.generic"], 200, s)
        self.assertLessEqual(s["BINARY_OP.generic"], 200 + 10, s)
        r, s = stats_delta(add_loop, [1] * 200)
        self.assertEqual(r, 200)
        self.assertLessEqual(s.get("BINARY_OP.generic", 0), 5, s)
        self.assertGreaterEqual(s["form.BINARY_OP_ADD_INT"], 190, s)

    def test_uop_counters(self):
        # Per micro-op runs and failures, derived from form hits and step
        # failures: GUARD_NOS_INT runs in every execution of the int forms.
        r, s = stats_delta(last_add, [1] * 50 + [1.5])
        self.assertEqual(r, 2.5)
        hits = s["form.BINARY_OP_ADD_INT"]
        self.assertEqual(s["uop.GUARD_NOS_INT.failed"], 1, s)
        self.assertEqual(s["uop.GUARD_NOS_INT.executions"], hits + 1, s)
        self.assertEqual(s["uop.GUARD_TOS_INT.executions"], hits, s)
        self.assertEqual(s["uop.BINARY_ADD_INT.executions"], hits, s)
        self.assertEqual(s.get("uop.BINARY_ADD_INT.failed", 0), 0, s)

    def test_binary_op_guards(self):
        r, s = stats_delta(last_add, [1] * 50 + [1.5])
        self.assertEqual(r, 2.5)
        self.assertOnlyGuard(s, "guard.BINARY_OP_ADD_INT.GUARD_NOS_INT")
        r, s = stats_delta(float_sum, [0.5] * 50 + [1])
        self.assertEqual(r, 26.0)
        self.assertOnlyGuard(s, "guard.BINARY_OP_ADD_FLOAT.GUARD_TOS_FLOAT")

    def test_to_bool_guard(self):
        r, s = stats_delta(truth_loop, [1] * 50 + ["a"])
        self.assertEqual(r, 51)
        self.assertOnlyGuard(s, "guard.TO_BOOL_INT.GUARD_TOS_INT")

    def test_load_attr_type_version_guard(self):
        class Other:
            def __init__(self):
                self.x = 1
                self.y = 2
        r, s = stats_delta(attr_loop, [Point(1, 2) for _ in range(50)] + [Other()])
        self.assertEqual(r, 153)
        self.assertOnlyGuard(s, "guard.LOAD_ATTR_INSTANCE_VALUE.GUARD_TOS_TYPE_VERSION", 2)

    def test_call_guards(self):
        # A builtin function that is not len fails the identity step; a
        # function of another version the version step; a type the
        # builtin-function step.
        r, s = stats_delta(call_each, [len] * 50 + [hash], "ab")
        self.assertEqual(r, 100 + hash("ab"))
        self.assertOnlyGuard(s, "guard.CALL_LEN.GUARD_CALLABLE_IS_LEN")
        r, s = stats_delta(call_each, [one] * 50 + [two], 0)
        self.assertEqual(r, 52)
        self.assertOnlyGuard(s, "guard.CALL_PY_EXACT_ARGS.GUARD_FUNC_VERSION")
        r, s = stats_delta(call_each, [abs] * 50 + [int], -1)
        self.assertEqual(r, 49)
        self.assertOnlyGuard(s, "guard.CALL_BUILTIN_O.GUARD_CALLABLE_CFUNCTION")

    def test_subscr_guard(self):
        r, s = stats_delta(subscr_loop, [[1]] * 50 + [(1,)])
        self.assertEqual(r, 51)
        self.assertOnlyGuard(s, "guard.BINARY_SUBSCR_LIST_INT.GUARD_NOS_LIST")

    def test_container_guards(self):
        # The index bound of a tuple, and a list of another length than the
        # unpack: each fails its own step, without the list's lock.
        r, s = stats_delta(first_loop, [(1,)] * 50 + [()])
        self.assertEqual(r, 50 + 100)
        self.assertOnlyGuard(s, "guard.BINARY_SUBSCR_TUPLE_INT.GUARD_INDEX_IN_TUPLE")
        r, s = stats_delta(unpack_loop, [[1, 2]] * 50 + [[1, 2, 3]])
        self.assertEqual(r, 150 - 100)
        self.assertOnlyGuard(s, "guard.UNPACK_SEQUENCE_LIST.GUARD_LIST_LENGTH")
        r, s = stats_delta(contains_loop, [{1}] * 50 + [[1]])
        self.assertEqual(r, 51)
        self.assertOnlyGuard(s, "guard.CONTAINS_OP_SET.GUARD_TOS_ANYSET")

    def test_failure_reasons(self):
        r, s = stats_delta(compare_loop, [1 << 100] * 20, 1 << 100)
        self.assertGreaterEqual(s.get("COMPARE_OP.fail.big_int", 0), 1, s)
        self.check_sums(s)
        r, s = stats_delta(float_mod_loop, [7.5, 2.25] * 20)   # float % has no form
        self.assertEqual(r, 0.25)
        self.assertGreaterEqual(s.get("BINARY_OP.fail.operator", 0), 1, s)
        self.check_sums(s)
        r, s = stats_delta(last_add, [1j] * 20)   # complex + int
        self.assertGreaterEqual(s.get("BINARY_OP.fail.operand_types", 0), 1, s)
        self.assertEqual(nonzero(s, "BINARY_OP.fail."), {"BINARY_OP.fail.operand_types": s["BINARY_OP.failures"]})
        self.check_sums(s)
        # A C type's own attribute lookup (a module subclass): no form.
        r, s = stats_delta(getattr_loop, [GetattrOverride("m")] * 20)
        self.assertEqual(r, 20)
        self.assertEqual(nonzero(s, "LOAD_ATTR.fail."), {"LOAD_ATTR.fail.getattr_override": s["LOAD_ATTR.failures"]})
        self.check_sums(s)
        # A Python __getattribute__ beside __getattr__: no form either.
        r, s = stats_delta(getattr_loop, [GetattributeAndGetattr()] * 20)
        self.assertEqual(r, 20)
        self.assertEqual(nonzero(s, "LOAD_ATTR.fail."), {"LOAD_ATTR.fail.getattr_hook": s["LOAD_ATTR.failures"]})
        self.check_sums(s)
        r, s = stats_delta(call_loop, star_args, 20)
        self.assertGreaterEqual(s.get("CALL.fail.code_flags", 0), 1, s)
        self.check_sums(s)


def _wrapped_calls(objs, n):
    """o.c(i) (classmethod), o.s(i) (staticmethod), both through the class
    too, and o.s as a value, cycling through objs."""
    out = []
    for i in range(n):
        o = objs[i % len(objs)]
        out.append((o.c(i), o.s(i), type(o).c(i), type(o).s(i), o.s))
    return out


def _wrapped_c_loop(obj, n, hook=None):
    out = []
    for i in range(n):
        if hook is not None:
            hook(i)
        out.append(obj.c(i))
    return out


def _w_cm(cls, a):
    return ("cm", cls.__name__, a)


def _w_sm(a):
    return ("sm", a)


def _w_other(cls, a):
    return ("other", cls.__name__, a)


class _WBase:
    def __init__(self):
        self.v = 1
    c = classmethod(_w_cm)
    s = staticmethod(_w_sm)


class _WSub(_WBase):
    pass


@unittest.skipUnless(sigil.info()["mode"] in ("interp", "jit"), "needs Sigil's interpreter")
class WrappedMethods(unittest.TestCase):
    """LOAD_ATTR_WRAPPED_WITH_VALUES and LOAD_ATTR_CLASS_WRAPPED: a
    classmethod or staticmethod on the class, loaded from an instance or
    from the class; the callable is read from the descriptor at each use."""

    def fresh_classes(self):
        class B:
            def __init__(self):
                self.v = 1
            c = classmethod(_w_cm)
            s = staticmethod(_w_sm)
        class D(B):
            pass
        return B, D

    def test_instance_and_class_loads(self):
        B, _ = self.fresh_classes()
        r, s = stats_delta(_wrapped_calls, [B()], 300)
        self.assertEqual(r[7], (("cm", "B", 7), ("sm", 7), ("cm", "B", 7), ("sm", 7), _w_sm))
        self.assertTrue(all(x == (("cm", "B", i), ("sm", i), ("cm", "B", i), ("sm", i), _w_sm)
                            for i, x in enumerate(r)))
        # o.c(i), o.s(i) and o.s: three instance sites; B.c(i), B.s(i): two class sites
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_WRAPPED_WITH_VALUES", 0), 3 * 298, s)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS_WRAPPED", 0), 2 * 298, s)
        self.assertEqual(s.get("uop.LOAD_WRAPPED_CALLABLE.failed", 0), 0, s)

    def test_subclass_receivers_bind_their_own_class(self):
        B, D = self.fresh_classes()
        r, s = stats_delta(_wrapped_calls, [B(), D()], 400)
        for i, x in enumerate(r):
            name = "BD"[i % 2]
            self.assertEqual(x[:4], (("cm", name, i), ("sm", i), ("cm", name, i), ("sm", i)))
        # two types per site: polymorphic records whose entries are the new forms
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_WRAPPED_WITH_VALUES", 0), 3 * 390, s)
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_CLASS_WRAPPED", 0), 2 * 390, s)

    def test_reinit_changes_the_callable_without_a_version(self):
        # classmethod.__init__ on the live descriptor swaps its callable and
        # leaves the class's version alone: the form must read it at use.
        B, _ = self.fresh_classes()
        cm = B.__dict__["c"]

        def hook(i):
            if i == 150:
                cm.__init__(_w_other)
        try:
            r, s = stats_delta(_wrapped_c_loop, B(), 300, hook)
        finally:
            cm.__init__(_w_cm)
        self.assertEqual(r, [("cm", "B", i) for i in range(150)] + [("other", "B", i) for i in range(150, 300)])
        self.assertGreaterEqual(s.get("form.LOAD_ATTR_WRAPPED_WITH_VALUES", 0), 298, s)

    def test_shadowed_on_the_instance(self):
        B, _ = self.fresh_classes()
        o = B()

        def hook(i):
            if i == 100:
                o.c = lambda a: ("inst", a)
            if i == 200:
                del o.c
        r, s = stats_delta(_wrapped_c_loop, o, 300, hook)
        self.assertEqual(r, [("cm", "B", i) for i in range(100)] + [("inst", i) for i in range(100, 200)]
                         + [("cm", "B", i) for i in range(200, 300)])
        self.assertGreaterEqual(s.get("guard.LOAD_ATTR_WRAPPED_WITH_VALUES.GUARD_SHARED_KEYS_VERSION", 0)
                                + s.get("guard.LOAD_ATTR_WRAPPED_WITH_VALUES.GUARD_TOS_TYPE_VERSION", 0), 1, s)

    def test_replaced_on_the_class(self):
        B, D = self.fresh_classes()

        def hook(i):
            if i == 100:
                B.c = staticmethod(lambda a: ("now static", a))
            if i == 200:
                B.c = lambda self, a: ("function", type(self).__name__, a)
        r, s = stats_delta(_wrapped_c_loop, D(), 300, hook)
        self.assertEqual(r, [("cm", "D", i) for i in range(100)] + [("now static", i) for i in range(100, 200)]
                         + [("function", "D", i) for i in range(200, 300)])
        self.assertGreaterEqual(s.get("guard.LOAD_ATTR_WRAPPED_WITH_VALUES.GUARD_TOS_TYPE_VERSION", 0), 1, s)

    def test_classmethod_as_a_value_stays_generic(self):
        B, _ = self.fresh_classes()

        def loop(o, n):
            return [o.c for _ in range(n)]
        o = B()
        r, s = stats_delta(loop, o, 100)
        self.assertTrue(all(m.__self__ is B and m.__func__ is _w_cm for m in r))
        self.assertEqual(s.get("form.LOAD_ATTR_WRAPPED_WITH_VALUES", 0), 0, s)
        self.assertGreaterEqual(s.get("LOAD_ATTR.fail.classmethod_value", 0), 1, s)

    def test_subclassed_descriptor_types_stay_generic(self):
        class MyStatic(staticmethod):
            def __get__(self, obj, cls=None):
                return lambda a: ("mine", a)

        class B:
            s = MyStatic(_w_sm)

        def loop(o, n):
            return [o.s(i) for i in range(n)]
        r, s = stats_delta(loop, B(), 100)
        self.assertEqual(r, [("mine", i) for i in range(100)])
        self.assertEqual(s.get("form.LOAD_ATTR_WRAPPED_WITH_VALUES", 0), 0, s)

    def test_descriptor_made_deferred_once(self):
        B, _ = self.fresh_classes()
        sigil.reset_stats()
        f1 = fresh(_wrapped_calls)
        f1([B()], 100)
        first = sigil.stats().get("runtime.descrs_deferred", 0)
        self.assertEqual(first, 2)   # B.c and B.s, once each
        sigil.reset_stats()
        fresh(_wrapped_calls)([B()], 100)
        self.assertEqual(sigil.stats().get("runtime.descrs_deferred", 0), 0)


WORLD_SRC = """
def use(n, g, every, action):
    out = []
    for i in range(n):
        if every and i % every == 0:
            action(g, i)
        out.append(len((1, 2, 3)))
    return out
"""


WORLD_DEALLOC_SCRIPT = """
import gc, sigil, types
code = compile(
    "def use(n):\\n"
    "    out = []\\n"
    "    for i in range(n):\\n"
    "        out.append(len((1, 2, 3)))\\n"
    "    return out\\n", "<world>", "exec").co_consts[0]
sigil.reset_stats()
seen = set()
reused = 0
for k in range(200):
    g = {"__builtins__": __builtins__}
    if k % 2:
        g["len"] = lambda x: "mine"
    reused += id(g) in seen
    seen.add(id(g))
    f = types.FunctionType(code, g)
    print("ok" if f(100) == ["mine" if k % 2 else 3] * 100 else "WRONG %d" % k)
    del f, g
    gc.collect()   # functions have deferred reference counts: the GC frees them
print(sigil.stats()["spec.world_bumps_dealloc"], reused)
"""


WORLD_FULL_SCRIPT = """
import builtins, sigil
N = 3200
for i in range(N):
    setattr(builtins, "sigil_bi_%d" % i, i)
src = "def use():\\n    t = 0\\n    for _ in range(4):\\n" + "".join(
    "        t += sigil_bi_%d\\n" % i for i in range(N)) + "    return t\\n"
g = {"__builtins__": builtins}
exec(src, g)
sigil.count_executions(True)
sigil.reset_stats()
print(g["use"]() == 4 * sum(range(N)))
s = sigil.stats()
print(s["spec.world_names"] > 2900,
      s["form.LOAD_GLOBAL_BUILTIN"] + s["form.LOAD_GLOBAL_BUILTIN_KEYED"] > 0,
      s["form.LOAD_GLOBAL_BUILTIN_KEYS"] > 0)
g["sigil_bi_%d" % (N - 1)] = 0          # a keys-form site's name, hidden
g["sigil_bi_0"] = 1                      # a world-form site's name, hidden
print(g["use"]() == 4 * (sum(range(N)) - (N - 1) + 1))
"""


class StrKey(str):
    """A str subclass: a dict holding one has general keys, and its entry
    answers a lookup of the equal exact str."""
    __hash__ = str.__hash__


PINNED_SRC = """
def use(n):
    hits = 0
    for i in range(n):
        k = KEYS[i % 4]
        v = TABLE[k]              # LOAD_GLOBAL, LOAD_FAST, BINARY_SUBSCR
        if v.key != k:
            raise AssertionError((k, v.key))
        hits += TABLE["hot"].n    # LOAD_GLOBAL, LOAD_CONST, BINARY_SUBSCR
        if k in TABLE:            # CONTAINS_OP right after the LOAD_GLOBAL
            hits += 1
        if "absent" not in TABLE:
            hits += 1
    return hits


def odd(n):
    out = []
    for i in range(n):
        try:
            out.append(TABLE["absent"])     # KeyError: the dict's lookup raises
        except KeyError:
            out.append("KeyError")
        out.append(INTS[i % 2] if i % 2 in INTS else None)   # int keys
        out.append(INTS["s"])     # a str key in a table of general keys
    return out
"""


LONG_PROBE_SRC = """
def probe(n, present, absent):
    hits = 0
    for i in range(n):
        hits += TABLE[present]    # LOAD_GLOBAL, LOAD_FAST, BINARY_SUBSCR
        if absent in TABLE:       # CONTAINS_OP right after the LOAD_GLOBAL
            hits += 100
    return hits
"""


def probe_length(h, occupied, mask=7):
    """How many slots CPython's probe sequence for hash `h` visits in a
    table of mask + 1 slots before it meets one not in `occupied`."""
    h &= (1 << 64) - 1
    i, perturb, n = h & mask, h, 1
    while i in occupied:
        perturb >>= 5
        i = (i * 5 + perturb + 1) & mask
        n += 1
    return n, i


class Tracked:
    def __init__(self, key, n=1):
        self.key = key
        self.n = n


class PinnedGlobals(unittest.TestCase):
    """A mortal global that another thread owns is pinned: its
    LOAD_GLOBAL_PINNED record caches the value under the world version, and
    `G[k]`, `G["k"]` and `k in G` on a pinned dict count no reference to it.
    Storing to, deleting or clearing the name unpins it first (one bump of
    the world version and one stop of the world), and the value then dies
    exactly when it would without Sigil."""

    def ns(self):
        g = {"__builtins__": __builtins__, "__name__": "pinned"}
        exec(PINNED_SRC, g)
        g["KEYS"] = ("a", "b", "c", "d")
        # Built at run time: equal to KEYS' strs but other objects, so the
        # lookups compare text, not only identity.
        g["TABLE"] = {"".join(["a"]): Tracked("a"), "".join(["b"]): Tracked("b"),
                      "".join(["c"]): Tracked("c"), "".join(["d"]): Tracked("d"),
                      "hot": Tracked("hot", 2)}
        g["INTS"] = {0: "zero", 1: "one", "s": "str"}   # a table of general keys
        return g

    def in_thread(self, fn, *args):
        out = []

        def run():
            try:
                out.append((True, fn(*args)))
            except BaseException as exc:
                out.append((False, exc))
        t = threading.Thread(target=run)
        t.start()
        t.join()
        ok, r = out[0]
        if not ok:
            raise r
        return r

    def test_reads_of_a_pinned_dict_count_no_reference(self):
        g = self.ns()                      # TABLE: owned by this thread
        before = sys.getrefcount(g["TABLE"])
        sigil.reset_stats()
        r = self.in_thread(g["use"], 2000)  # ... read by another
        s = sigil.stats()
        self.assertEqual(r, 2000 * 4)
        self.assertEqual(sys.getrefcount(g["TABLE"]), before)
        self.assertGreaterEqual(s["spec.globals_pinned"], 1, s)
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_PINNED"], 1900 * 4, s)
        # TABLE[k], TABLE["hot"], k in TABLE, "absent" not in TABLE
        self.assertGreaterEqual(s["eval.globals_borrowed"], 1900 * 4, s)
        self.assertEqual(s["spec.globals_unpinned"], 0, s)

    def test_keys_whose_probe_outruns_the_table_read_quietly(self):
        # While the hash's high bits still perturb it, CPython's probe
        # sequence may revisit slots: a key can be found, or found missing,
        # only after more probes than the table has slots. Such keys are
        # picked for this process's hash seed (an 8-slot table of 5 str
        # keys, built by insertion), and are read without a reference.
        occupied = set()
        for k in ("a", "b", "c", "d"):
            occupied.add(probe_length(hash(k), occupied)[1])
        present = next(k for k in ("p%d" % i for i in range(200000))
                       if probe_length(hash(k), occupied)[0] > 8)
        occupied.add(probe_length(hash(present), occupied)[1])
        absent = next(k for k in ("q%d" % i for i in range(200000))
                      if probe_length(hash(k), occupied)[0] > 8)
        g = {"__builtins__": __builtins__, "__name__": "pinned"}
        exec(LONG_PROBE_SRC, g)
        table = {}
        for k in ("a", "b", "c", "d", present):
            table[k] = 1
        g["TABLE"] = table
        sigil.reset_stats()
        self.assertEqual(self.in_thread(g["probe"], 2000, present, absent), 2000)
        s = sigil.stats()
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_PINNED"], 1900 * 2, s)
        self.assertGreaterEqual(s["eval.globals_borrowed"], 1900 * 2, s)

    def test_other_keys_and_missing_keys_take_cpythons_lookup(self):
        g = self.ns()
        sigil.reset_stats()
        r = self.in_thread(g["odd"], 400)
        s = sigil.stats()
        self.assertEqual(r, ["KeyError", "zero", "str", "KeyError", "one", "str"] * 200)
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_PINNED"], 4 * 380, s)
        # Only INTS["s"] can be answered without CPython's lookup.
        self.assertGreaterEqual(s["eval.globals_borrowed"], 380, s)
        self.assertLessEqual(s["eval.globals_borrowed"], 400, s)

    def test_owner_thread_pins_nothing(self):
        g = self.ns()
        sigil.reset_stats()
        self.assertEqual(g["use"](1000), 4000)
        s = sigil.stats()
        self.assertEqual(s["spec.globals_pinned"], 0, s)
        self.assertEqual(s["form.LOAD_GLOBAL_PINNED"], 0, s)

    def test_rebinding_unpins_and_the_old_value_dies_at_once(self):
        import weakref
        for how in ("rebind", "delete", "clear", "update"):
            with self.subTest(how=how):
                g = self.ns()
                self.in_thread(g["use"], 1000)
                watch = weakref.ref(g["TABLE"]["a"])
                sigil.reset_stats()
                new = {"a": Tracked("a"), "b": Tracked("b"), "c": Tracked("c"),
                       "d": Tracked("d"), "hot": Tracked("hot", 5)}
                if how == "rebind":
                    g["TABLE"] = new
                elif how == "delete":
                    del g["TABLE"]
                elif how == "clear":
                    keep = {k: v for k, v in g.items() if k != "TABLE"}
                    g.clear()
                elif how == "update":
                    g.update({"TABLE": new})
                # The dict held the only reference: gone now, as without Sigil.
                self.assertIsNone(watch())
                s = sigil.stats()
                self.assertEqual(s["spec.globals_unpinned"], 1, s)
                self.assertEqual(s["spec.world_bumps_unpin"], 1, s)
                if how == "delete":
                    with self.assertRaises(NameError):
                        self.in_thread(g["use"], 10)
                    g["TABLE"] = new
                elif how == "clear":
                    g.update(keep)
                    g["TABLE"] = new
                # The new value is read, and the name is not pinned again.
                sigil.reset_stats()
                self.assertEqual(self.in_thread(g["use"], 1000), 1000 * (5 + 1 + 1))
                s = sigil.stats()
                self.assertEqual(s["spec.globals_pinned"], 0, s)
                self.assertEqual(s["eval.globals_borrowed"], 0, s)


SPAN_SRC = """
def pairs(n):
    acc = 0
    for i in range(n):
        acc += PAIRS[(i & 63, (i & 63) + 1)]   # BUILD_TUPLE of computed ints
        acc += INTS[(i & 31) * 7 - 100]        # a computed int, negative too
    return acc


def shapes(n, a, b):
    out = []
    for i in range(n):
        z = i - i                  # 0, an int the loop makes
        out.append(MIXED[(a, b)])                  # LOAD_FAST_LOAD_FAST, BUILD_TUPLE
        out.append(MIXED[a + b])                   # LOAD_FAST_LOAD_FAST, BINARY_OP
        out.append(MIXED[(1, 2)])                  # a constant tuple key
        out.append(MIXED[-1 + z])                  # hash(-1) is -2
        out.append(MIXED[(z - 1, z - 2)])          # negative items
        out.append(MIXED[(z,)])                    # a 1-tuple
        out.append(MIXED[(1, 2, 3, z + 4)])        # the longest tuple a span makes
        out.append(MIXED[(z << 3) | 5])            # shift, or
        out.append(MIXED[(-9 >> 1) ^ z])           # arithmetic shift of a negative: -5
    return out


def others(n, big):
    out = []
    for i in range(n):
        z = i - i
        out.append(MIXED[(1, z + 5)])      # stored key (True, 5): equal, another type
        out.append(MIXED[z + 7])           # stored key 7.0
        out.append(MIXED[big * 4 - big * 4 + 11])   # big * 4 is not compact: no span
        out.append(MIXED[z + 12])          # stored key Eq12: its __eq__ runs
        try:
            out.append(MIXED[(z, 99)])     # absent
        except KeyError as e:
            out.append(("KeyError", e.args[0]))
    return out
"""


class Eq12:
    """A key that hashes like 12 and says it equals anything."""
    calls = 0

    def __hash__(self):
        return 12

    def __eq__(self, other):
        Eq12.calls += 1
        return True


class BorrowedSpans(unittest.TestCase):
    """A pinned dict subscripted by a key computed from local and constant
    ints (`G[(i & 63, (i & 63) + 1)]`, `G[k * 7]`) runs as one borrowed
    span: the key is evaluated on C integers, hashed and compared as CPython
    would, and neither the dict's count nor a key object is touched. Keys
    of other types that compare equal, keys whose __eq__ runs code and
    absent keys take CPython's lookup, with its results."""

    in_thread = PinnedGlobals.in_thread

    def span_ns(self):
        g = {"__builtins__": __builtins__, "__name__": "spans"}
        exec(SPAN_SRC, g)
        g["PAIRS"] = {(i, i + 1): i * 3 for i in range(64)}
        g["INTS"] = {k * 7 - 100: k for k in range(32)}
        g["MIXED"] = {(1, 2): "pair", 3: "three", -1: "minus1", (-1, -2): "negs", (0,): "one",
                      (1, 2, 3, 4): "four", 5: "five", -5: "minus5", (True, 5): "bool",
                      7.0: "float", 11: "eleven", Eq12(): "eq12"}
        return g

    def test_computed_keys_count_no_reference(self):
        g = self.span_ns()
        before = (sys.getrefcount(g["PAIRS"]), sys.getrefcount(g["INTS"]))
        sigil.reset_stats()
        r = self.in_thread(g["pairs"], 2000)
        s = sigil.stats()
        self.assertEqual(r, sum((i & 63) * 3 + (i & 31) for i in range(2000)))
        self.assertEqual((sys.getrefcount(g["PAIRS"]), sys.getrefcount(g["INTS"])), before)
        self.assertGreaterEqual(s["eval.globals_spans"], 1900 * 2, s)
        self.assertGreaterEqual(s["eval.globals_borrowed"], s["eval.globals_spans"], s)

    def test_shapes_agree_with_cpython(self):
        g = self.span_ns()
        sigil.reset_stats()
        r = self.in_thread(g["shapes"], 300, 1, 2)
        s = sigil.stats()
        self.assertEqual(r, ["pair", "three", "pair", "minus1", "negs", "one", "four", "five",
                             "minus5"] * 300)
        # Every one of the 9 subscripts is a span once the sites specialize
        # (a miscomputed hash would miss and fall back, uncounted).
        self.assertGreaterEqual(s["eval.globals_spans"], 280 * 9, s)

    def test_other_keys_take_cpythons_lookup(self):
        g = self.span_ns()
        Eq12.calls = 0
        sigil.reset_stats()
        r = self.in_thread(g["others"], 300, 2 ** 29)
        s = sigil.stats()
        self.assertEqual(r, ["bool", "float", "eleven", "eq12", ("KeyError", (0, 99))] * 300)
        self.assertEqual(Eq12.calls, 300)
        self.assertEqual(s["eval.globals_spans"], 0, s)

    def test_rebinding_unpins_and_frees_at_once(self):
        # The span's dict is pinned like any other: rebinding it unpins it,
        # and the old dict's values die at once.
        import weakref
        g = self.span_ns()
        tracked = Tracked("x")
        g["PAIRS"][(100, 101)] = tracked
        ref = weakref.ref(tracked)
        del tracked
        sigil.reset_stats()
        self.in_thread(g["pairs"], 500)
        self.assertGreaterEqual(sigil.stats()["eval.globals_spans"], 400, sigil.stats())
        g["PAIRS"] = {(i, i + 1): i * 3 for i in range(64)}
        self.assertIsNone(ref())
        self.assertEqual(self.in_thread(g["pairs"], 200),
                         sum((i & 63) * 3 + (i & 31) for i in range(200)))


class WorldVersion(unittest.TestCase):
    """LOAD_GLOBAL_BUILTIN depends on the world version (a dict watcher on
    the globals it was made for) instead of the globals' keys version:
    other globals come and go without a miss, and every way a global can
    come to hide the builtin (set, cloned in, a str-subclass key, the
    dict replaced by a new one at the same address) is seen."""

    def ns(self):
        g = {"__builtins__": __builtins__, "__name__": "world"}
        exec(WORLD_SRC, g)
        return g

    def run_use(self, g, n, every, action):
        sigil.reset_stats()
        r = g["use"](n, g, every, action)
        return r, sigil.stats()

    def test_other_globals_do_not_invalidate(self):
        g = self.ns()

        def churn(g, i):
            g["scratch_%d" % i] = i      # new keys: a new keys version
            if i % 100 == 0:
                del g["scratch_%d" % i]
        r, s = self.run_use(g, 3000, 10, churn)
        self.assertEqual(r, [3] * 3000)
        self.assertGreaterEqual(builtin_hits(s), 2900, s)
        self.assertEqual(world_guard_misses(s), 0)
        self.assertEqual(s["LOAD_GLOBAL.deopts"], 0)
        self.assertEqual(s["spec.world_bumps_shadow"], 0)

    def test_shadow_set_and_deleted(self):
        g = self.ns()

        def flip(g, i):
            if (i // 500) % 2:
                g["len"] = lambda x: "shadow"
            else:
                g.pop("len", None)
        r, s = self.run_use(g, 3000, 500, flip)
        want = [3 if (i // 500) % 2 == 0 else "shadow" for i in range(3000)]
        self.assertEqual(r, want)
        self.assertGreaterEqual(s["spec.world_bumps_shadow"], 2, s)
        self.assertGreaterEqual(builtin_hits(s), 1000, s)

    def test_shadow_cloned_in(self):
        g = self.ns()
        src = dict(g)
        src["len"] = lambda x: "cloned"

        def refill(g, i):
            if i == 1000:
                g.clear()
                g.update(src)          # keys cloned: one event for all
        r, s = self.run_use(g, 2000, 1000, refill)
        self.assertEqual(r, [3] * 1000 + ["cloned"] * 1000)
        self.assertGreaterEqual(s["spec.world_bumps_clone"], 1, s)

    def test_shadow_by_str_subclass_key(self):
        g = self.ns()

        def sub(g, i):
            if i == 1000:
                g[StrKey("len")] = lambda x: "subclass"
        r, s = self.run_use(g, 2000, 1000, sub)
        self.assertEqual(r, [3] * 1000 + ["subclass"] * 1000)
        self.assertGreaterEqual(s["spec.world_bumps_shadow"], 1, s)

    def test_new_globals_at_a_dead_dict_address(self):
        # One code object run in many short-lived namespaces, every other
        # one hiding len: a record compares the dict by address, and the
        # death of the dict it was made for bumps the version, so a new
        # dict that reuses the address is not taken for the old one. In a
        # child: once a thread has started, CPython 3.13t makes every new
        # function immortal, and a function keeps its globals alive.
        import subprocess
        out = subprocess.run([sys.executable, "-X", "sigil=" + sigil.info()["mode"], "-c",
                              WORLD_DEALLOC_SCRIPT],
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(out.stderr, "")
        lines = out.stdout.splitlines()
        self.assertEqual(lines[:-1], ["ok"] * 200)
        dealloc, reused = map(int, lines[-1].split())
        self.assertGreaterEqual(dealloc, 90)    # each namespace without its own len was watched
        self.assertGreaterEqual(reused, 1)   # the case the bump is for did occur

    def test_name_table_full(self):
        # Past 3072 registered names new sites take LOAD_GLOBAL_BUILTIN_KEYS
        # (CPython's keys versions); both kinds see a global that hides
        # their builtin. In a child: the table is per process and is never
        # emptied.
        import subprocess
        out = subprocess.run([sys.executable, "-X", "sigil=" + sigil.info()["mode"], "-c",
                              WORLD_FULL_SCRIPT],
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(out.stderr, "")
        self.assertEqual(out.stdout.split(), ["True"] * 5)

    def test_builtins_changed(self):
        import builtins
        g = self.ns()
        real = builtins.len

        def swap(g, i):
            if i == 1000:
                builtins.sigil_test_extra = 1     # the builtins' keys change
            if i == 1500:
                builtins.len = lambda x: "rebound"
        try:
            r, s = self.run_use(g, 2000, 500, swap)
        finally:
            builtins.len = real
            del builtins.sigil_test_extra
        self.assertEqual(r, [3] * 1500 + ["rebound"] * 500)
        self.assertGreaterEqual(builtin_hits(s), 1900, s)
        # the keyed site misses once when the builtins' keys change and is
        # demoted (a deopt); the index-and-name form then survives them
        self.assertEqual(s["guard.LOAD_GLOBAL_BUILTIN_KEYED.LOAD_BUILTINS_KEYED"], 1, s)
        self.assertEqual(s["LOAD_GLOBAL.deopts"], 1, s)
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_BUILTIN"], 900, s)

    def test_keys_form_when_switched_off(self):
        was = sigil._set_world(False)
        try:
            g = self.ns()

            def flip(g, i):
                if i == 1000:
                    g["len"] = lambda x: "shadow"
            r, s = self.run_use(g, 2000, 1000, flip)
        finally:
            sigil._set_world(was)
        self.assertEqual(r, [3] * 1000 + ["shadow"] * 1000)
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_BUILTIN_KEYS"], 900, s)
        self.assertEqual(builtin_hits(s), 0, s)


SHARED_VALUES_SRC = """
TABLE = tuple(range(1000, 1064))        # mortal ints, made by this thread
MIXED = (1, [])                         # a list: its death is observable
NAMES = tuple("name-%d" % i for i in range(16))   # strs built at run time
BIG = tuple(range(256)) * 8400          # more than the whole budget
VALS = [(i + 5000, i) for i in range(1000)]
G = None

def read(name, n):
    t = 0
    if name == "TABLE":
        for i in range(n):
            t += TABLE[i & 63]
    elif name == "MIXED":
        for i in range(n):
            t += MIXED[0]
    elif name == "NAMES":
        for i in range(n):
            t += len(NAMES[i & 15])
    elif name == "BIG":
        for i in range(n):
            t += BIG[i & 255]
    return t

def rebind(n):
    global G
    t = 0
    for i in range(n):
        G = VALS[i % 1000]
        t += G[1]
    return t
"""


SETTER_PROPERTY_SRC = """
def get_c(self):
    return self._c

def set_c(self, v):
    self._c = v

class Temp:
    def __init__(self):
        self._c = 0
    c = property(get_c, set_c, None, "a module-level getter and setter")

def nested_property():
    def g(self):
        return self._c
    def s(self, v):
        self._c = v
    return property(g, s)

class Nested:
    def __init__(self):
        self._c = 0

Nested.c = nested_property()

class SubProp(property):
    pass

class Sub:
    def __init__(self):
        self._c = 0
    c = SubProp(get_c, set_c)

def store(obj, n):
    t = 0
    for i in range(n):
        obj.c = i
        t += obj._c
    return t
"""


class SetterProperties(unittest.TestCase):
    """A property stored through by another thread than its owner would
    bounce its reference count between the storing threads (the generic
    STORE_ATTR takes a reference to it): Sigil gives it deferred reference
    counting (immortal once threads exist) when nothing it holds has a
    lifetime Python can observe, and only then."""

    def setUp(self):
        self.ns = {"__name__": "setter_props"}
        exec(SETTER_PROPERTY_SRC, self.ns)   # this thread owns the classes

    def stores(self, cls):
        sigil.reset_stats()
        obj = cls()
        self.assertEqual(in_thread(fresh(self.ns["store"]), obj, 3000), sum(range(3000)))
        self.assertEqual(obj.c, 2999)
        return sigil.stats()["runtime.properties_deferred"]

    def test_module_level_accessors(self):
        prop = self.ns["Temp"].__dict__["c"]
        self.assertLess(sys.getrefcount(prop), 1000)
        self.assertEqual(self.stores(self.ns["Temp"]), 1)
        self.assertGreater(sys.getrefcount(prop), 1 << 30)
        # still the same property: stores and loads go through it
        t = self.ns["Temp"]()
        t.c = 41
        self.assertEqual((t._c, t.c), (41, 41))

    def test_nested_accessors_stay_mortal(self):
        cls = self.ns["Nested"]
        prop = cls.__dict__["c"]
        self.assertEqual(self.stores(cls), 0)
        self.assertLess(sys.getrefcount(prop), 1000)
        # ... and die when the class lets go of the property, as on stock
        # (the class itself is immortal once threads exist, in stock 3.13t)
        ref = weakref.ref(prop.fset)
        del cls.c, prop
        gc.collect()
        self.assertIsNone(ref())

    def test_property_subclass_stays_mortal(self):
        prop = self.ns["Sub"].__dict__["c"]
        self.assertEqual(self.stores(self.ns["Sub"]), 0)
        self.assertLess(sys.getrefcount(prop), 1000)


class SharedModuleValues(unittest.TestCase):
    """Module values that another thread keeps loading (and that no
    Python code can watch die: numbers, bytes, tuples of them) are made
    immortal; other values, values rebound all the time, and values over
    the budget stay mortal."""

    def setUp(self):
        self.ns = {"__name__": "shared_values"}
        exec(SHARED_VALUES_SRC, self.ns)     # this thread owns the values

    def test_shared_tuple_made_immortal(self):
        table = self.ns["TABLE"]
        self.assertLess(sys.getrefcount(table), 1000)
        sigil.reset_stats()
        read = fresh(self.ns["read"])
        self.assertEqual(in_thread(read, "TABLE", 4000), sum(table[i & 63] for i in range(4000)))
        self.assertGreater(sys.getrefcount(table), 1 << 30)
        self.assertGreater(sys.getrefcount(table[5]), 1 << 30)   # items first
        s = sigil.stats()
        self.assertEqual(s["runtime.values_immortalized"], 65)
        self.assertEqual(s["runtime.values_stops"], 1)
        # the owner's own loads never ask
        sigil.reset_stats()
        self.ns["TABLE"] = tuple(range(2000, 2064))
        self.assertEqual(fresh(self.ns["read"])("TABLE", 4000), sum(2000 + (i & 63) for i in range(4000)))
        self.assertEqual(sigil.stats()["runtime.values_stops"], 0)
        self.assertLess(sys.getrefcount(self.ns["TABLE"]), 1000)

    def test_shared_strs_made_immortal(self):
        names = self.ns["NAMES"]
        self.assertLess(sys.getrefcount(names[3]), 1000)
        self.assertEqual(in_thread(fresh(self.ns["read"]), "NAMES", 4000),
                         sum(len(names[i & 15]) for i in range(4000)))
        self.assertGreater(sys.getrefcount(names), 1 << 30)
        self.assertGreater(sys.getrefcount(names[3]), 1 << 30)

    def test_observable_or_rebound_values_stay_mortal(self):
        sigil.reset_stats()
        self.assertEqual(in_thread(fresh(self.ns["read"]), "MIXED", 4000), 4000)
        self.assertLess(sys.getrefcount(self.ns["MIXED"]), 1000)
        # a global rebound on every iteration is not seen twice in a row
        self.assertEqual(in_thread(fresh(self.ns["rebind"]), 20000), 20 * sum(range(1000)))
        self.assertEqual(sigil.stats()["runtime.values_immortalized"], 0)
        self.assertTrue(all(sys.getrefcount(v) < 1000 for v in self.ns["VALS"]))

    def test_module_name_of_closures_made_elsewhere(self):
        # A function made by MAKE_FUNCTION keeps a reference to its
        # module's __name__ (taken by a try-increment, dropped when the
        # function dies): a str another thread owns is reported as a
        # module value load, and made immortal once seen twice.
        name = "".join(["shared", " values ", str(id(self))])   # mortal, ours
        ns = {"__name__": name}
        exec("def make(n):\n"
             "    t = 0\n"
             "    for i in range(n):\n"
             "        f = lambda: i\n"
             "        t += f()\n"
             "    return t\n", ns)
        self.assertLess(sys.getrefcount(name), 1000)
        # the owner's own closures never ask
        self.assertEqual(fresh(ns["make"])(4000), sum(range(4000)))
        self.assertLess(sys.getrefcount(name), 1000)
        sigil.reset_stats()
        self.assertEqual(in_thread(fresh(ns["make"]), 4000), sum(range(4000)))
        self.assertGreater(sys.getrefcount(name), 1 << 30)
        self.assertEqual(sigil.stats()["runtime.values_immortalized"], 1)

    def test_budget(self):
        big = self.ns["BIG"]
        sigil.reset_stats()
        self.assertEqual(in_thread(fresh(self.ns["read"]), "BIG", 4000), sum(i & 255 for i in range(4000)))
        self.assertLess(sys.getrefcount(big), 1000)
        s = sigil.stats()
        self.assertGreaterEqual(s["runtime.values_over_budget"], 1)
        self.assertEqual(s["runtime.values_immortalized"], 0)


SHARED_DICT_SRC = """
STRS = ["key%03d" % i for i in range(300)]     # mortal, made by this thread
TABLE = {k: i for i, k in enumerate(STRS)}
PAIRS = {(i, i + 1): i for i in range(64)}
FINALIZED = []

class Key:
    def __init__(self, tag):
        self.tag = tag
    def __hash__(self):
        return hash(self.tag)
    def __eq__(self, other):
        return type(other) is Key and other.tag == self.tag
    def __del__(self):
        FINALIZED.append(self.tag)

def read(table, pairs, n):
    t = 0
    for i in range(n):
        k = "key%03d" % (i % 300)      # equal to, not the same as, the stored key
        t += table[k]
        if k in table:
            t += 1
        t += pairs[(i & 63, (i & 63) + 1)]
    return t

def read_global(n):
    t = 0
    for i in range(n):
        k = "key%03d" % (i % len(TABLE))   # TABLE: a pinned global here
        t += TABLE[k]
    return t

def read_objs(d, probes, n):
    t = 0
    for i in range(n):
        t += d[probes[i & 7]]
    return t
"""


class SharedDictKeys(unittest.TestCase):
    """A thread that looks keys up in a dict another thread owns flags the
    stored keys as possibly shared (sampled, once per entry), so CPython's
    lock-free lookup can reference them; the owner's lookups never scan,
    and no key lives a moment longer."""

    def setUp(self):
        self.ns = {"__name__": "shared_dict"}
        exec(SHARED_DICT_SRC, self.ns)      # this thread owns dicts and keys

    def expected(self, n):
        return sum(i % 300 + 1 + (i & 63) for i in range(n))

    def test_other_thread_flags_keys_once(self):
        ns = self.ns
        sigil.reset_stats()
        read = fresh(ns["read"])
        self.assertEqual(in_thread(read, ns["TABLE"], ns["PAIRS"], 6000), self.expected(6000))
        s = sigil.stats()
        self.assertEqual(s["runtime.dict_keys_shared"], 300 + 64)
        scans = s["runtime.dict_scans"]
        self.assertGreaterEqual(scans, 2)
        # a second reader finds every key flagged (it may scan again, or
        # reuse the first one's notes if it runs on a reused thread state)
        sigil.reset_stats()
        self.assertEqual(in_thread(read, ns["TABLE"], ns["PAIRS"], 6000), self.expected(6000))
        self.assertEqual(sigil.stats()["runtime.dict_keys_shared"], 0)
        # keys appended later are scanned (only they) when next read
        for i in range(300, 340):
            ns["TABLE"]["key%03d" % i] = i
        sigil.reset_stats()
        self.assertEqual(in_thread(read, ns["TABLE"], ns["PAIRS"], 6000), self.expected(6000))
        self.assertEqual(sigil.stats()["runtime.dict_keys_shared"], 40)

    def test_pinned_reader_settles_and_still_sees_new_keys(self):
        # TABLE[k] on a pinned TABLE holds no reference to the dict; its
        # sampled reports then need one, except once this thread has
        # scanned every entry and finished watching the dict: those are
        # skipped (runtime.dict_reports_settled). Keys appended later
        # unsettle it, and are flagged at the next report.
        ns = self.ns

        def reader_stats(nkeys):
            sigil.reset_stats()
            self.assertEqual(in_thread(fresh(ns["read_global"]), 40000),
                             sum(i % nkeys for i in range(40000)))
            s = sigil.stats()
            self.assertGreater(s["eval.globals_borrowed"], 30000)   # borrowed throughout
            self.assertGreater(s["runtime.dict_reports_settled"], 100)
            return s
        s = reader_stats(300)
        self.assertEqual(s["runtime.dict_keys_shared"], 300)
        self.assertGreaterEqual(s["runtime.dict_stops"], 1)     # ints 257-299 made immortal
        for i in range(300, 340):
            ns["TABLE"]["key%03d" % i] = i
        self.assertEqual(reader_stats(340)["runtime.dict_keys_shared"], 40)
        # the owner's own reads never report
        sigil.reset_stats()
        fresh(ns["read_global"])(4000)
        self.assertEqual(sigil.stats()["runtime.dict_reports_settled"], 0)

    def test_owner_never_scans(self):
        ns = self.ns
        sigil.reset_stats()
        self.assertEqual(fresh(ns["read"])(ns["TABLE"], ns["PAIRS"], 6000), self.expected(6000))
        s = sigil.stats()
        self.assertEqual(s["runtime.dict_scans"], 0)
        self.assertEqual(s["runtime.dict_keys_shared"], 0)

    def test_flagged_keys_die_on_time(self):
        ns = self.ns
        Key = ns["Key"]
        d = {Key(i): i for i in range(8)}
        probes = [Key(i) for i in range(8)]
        sigil.reset_stats()
        self.assertEqual(in_thread(fresh(ns["read_objs"]), d, probes, 4000),
                         sum(i & 7 for i in range(4000)))
        self.assertEqual(sigil.stats()["runtime.dict_keys_shared"], 8)
        del probes
        fin = ns["FINALIZED"]
        fin.clear()
        # each stored key dies at the statement that drops its last reference
        for i in range(8):
            key = next(k for k in d if k.tag == i)
            del d[key]
            self.assertEqual(fin, [], "the dict's reference is not the last")
            del key
            self.assertEqual(fin, [i])
            fin.clear()
        d = {Key(i): i for i in range(8)}
        self.assertEqual(in_thread(fresh(ns["read_objs"]), d, [Key(i) for i in range(8)], 4000),
                         sum(i & 7 for i in range(4000)))
        fin.clear()
        d.clear()
        self.assertEqual(sorted(fin), list(range(8)))


def dict_read_loop(d, keys, n, write_every=0):
    t = 0
    for i in range(n):
        k = keys[i % len(keys)]
        v = d[k]
        t += v[0] if type(v) is tuple else (v if type(v) is int else len(v))
        if write_every and i % write_every == 0:
            d[k] = v[:1] + v[1:]    # an equal new tuple: the dict's version changes
    return t


class SharedDictContents(unittest.TestCase):
    """A dict other threads keep reading and nobody changes has its keys
    and values of the kinds no Python code can watch die made immortal;
    a dict that changes while it is read, and values whose death is
    observable, stay mortal."""

    def setUp(self):
        # this thread owns the dicts and their contents
        self.table = {"name%03d" % i: (i + 1000, "v%d" % i) for i in range(200)}
        self.lst = [1, 2]
        self.mixed = {"a%d" % i: i + 5000 for i in range(8)}
        self.mixed["list"] = self.lst

    def test_read_mostly_dict_contents_made_immortal(self):
        keys = ["name%03d" % i for i in range(200)]     # equal, not identical
        sigil.reset_stats()
        self.assertEqual(in_thread(fresh(dict_read_loop), self.table, keys, 40000, 0),
                         sum(1000 + (i % 200) for i in range(40000)))
        s = sigil.stats()
        self.assertGreaterEqual(s["runtime.dict_stops"], 1)
        # 200 keys, 200 tuples, 200 ints and 200 strs in them
        self.assertGreaterEqual(s["runtime.dict_immortalized"], 800)
        k, v = next(iter(self.table.items()))
        self.assertGreater(sys.getrefcount(k), 1 << 30)
        self.assertGreater(sys.getrefcount(v), 1 << 30)
        self.assertGreater(sys.getrefcount(v[1]), 1 << 30)

    def test_observable_values_stay_mortal(self):
        keys = ["a%d" % i for i in range(8)] + ["list"]
        self.assertEqual(in_thread(fresh(dict_read_loop), self.mixed, keys, 40000, 0),
                         sum(5000 + (i % 9) if i % 9 < 8 else 2 for i in range(40000)))
        self.assertLess(sys.getrefcount(self.lst), 1000)
        self.assertGreater(sys.getrefcount(self.mixed["a3"]), 1 << 30)

    def test_changing_dict_stays_mortal(self):
        keys = ["name%03d" % i for i in range(200)]
        sigil.reset_stats()
        self.assertEqual(in_thread(fresh(dict_read_loop), self.table, keys, 40000, 50),
                         sum(1000 + (i % 200) for i in range(40000)))
        self.assertEqual(sigil.stats()["runtime.dict_immortalized"], 0)
        self.assertTrue(all(sys.getrefcount(v) < 1000 for v in self.table.values()))

    def test_owner_never_immortalizes(self):
        keys = ["name%03d" % i for i in range(200)]
        sigil.reset_stats()
        fresh(dict_read_loop)(self.table, keys, 40000, 0)
        self.assertEqual(sigil.stats()["runtime.dict_stops"], 0)
        self.assertTrue(all(sys.getrefcount(v) < 1000 for v in self.table.values()))


VERSION_GRANTS_SRC = """
class C:
    y = 0
    def m(self):
        return 1

class D(C):
    pass

class Meta(type):
    def mro(cls):       # a custom mro(): CPython never versions the class
        return type.mro(cls)

class E(metaclass=Meta):
    def m(self):
        return 1

def read(o, n):
    t = 0
    for i in range(n):
        t += o.m()
    return t

def change(n):
    for i in range(n):
        C.y = i     # each change zeroes C's and D's versions...
        D().y       # ...and this lookup assigns new ones
"""


class TypeVersionGrants(unittest.TestCase):
    """A class that has used up CPython's 1000 versions (changed that many
    times) is granted more when a site specializes on it, so it stays
    specializable; a class CPython marks never to be versioned gets none."""

    def setUp(self):
        self.ns = {"__name__": "version_grants"}
        exec(VERSION_GRANTS_SRC, self.ns)   # module-level: deferred-RC methods

    def test_changed_class_gets_more_versions(self):
        ns = self.ns
        sigil.reset_stats()
        ns["change"](1500)
        self.assertEqual(fresh(ns["read"])(ns["D"](), 2000), 2000)
        s = sigil.stats()
        # C and D ran out at 1000 and got 256 more each, once or twice
        # (the change loop's own sites specialize too); without grants they
        # would have stayed unversioned after the 1000th change
        self.assertIn(s["spec.type_version_grants"], (2, 4))
        self.assertGreater(s["form.LOAD_ATTR_METHOD_WITH_VALUES"], 1900)
        # a grant is 256 versions: more changes use it up, and the next
        # specialization grants again
        sigil.reset_stats()
        ns["change"](600)
        self.assertEqual(fresh(ns["read"])(ns["D"](), 2000), 2000)
        s = sigil.stats()
        self.assertGreaterEqual(s["spec.type_version_grants"], 2)
        self.assertGreater(s["form.LOAD_ATTR_METHOD_WITH_VALUES"], 1900)

    def test_never_versioned_class_gets_none(self):
        r, s = stats_delta(self.ns["read"], self.ns["E"](), 2000)
        self.assertEqual(r, 2000)
        self.assertNotIn("spec.type_version_grants", s)
        self.assertGreater(s.get("LOAD_ATTR.fail.type_version", 0), 0)


CLASS_CHANGES_SRC = """
class P:
    flag = 0

    def __init__(self):
        self.x = 1

    def m(self):
        return 2


class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


class C(A):
    pass


def read(o, n, every):
    acc = 0
    for i in range(n):
        acc += o.m() + o.x
        if every and i % every == 0:
            P.flag = i      # a class change: both sites above miss once
    return acc


def who(o, n):
    return [o.who() for _ in range(n)]


class Q(P):
    def m(self):
        return super().m() + 1


def read_super(o, n, every, burst):
    acc = 0
    for i in range(n):
        acc += o.m()
        if i % every < burst:
            P.flag = i      # P and Q change: the super() site misses once
    return acc
"""


MEGA_SRC = """
class Base:
    def f(self):
        return 1


KINDS = [type("K%d" % i, (Base,), {}) for i in range(10)]


def call_f(objs, n):
    s = 0
    k = len(objs)
    for i in range(n):
        s += objs[i % k].f()      # LOAD_ATTR (method) over len(objs) classes
    return s


def f0(x): return x
def f1(x): return x + 1
def f2(x): return x + 2
def f3(x): return x + 3
def f4(x): return x + 4
def f5(x): return x + 5


FNS = [f0, f1, f2, f3, f4, f5]   # six codes, six function versions


def call_each(n):
    s = 0
    for i in range(n):
        s += FNS[i % 6](1)        # CALL over six functions
    return s


def store_x(objs, n):
    k = len(objs)
    for i in range(n):
        objs[i % k].x = i         # STORE_ATTR over len(objs) classes
    return sum(o.x for o in objs)
"""


class MegamorphicSites(unittest.TestCase):
    """A site that sees more classes than a polymorphic record holds keeps
    four entries: the other classes' misses run generic, only one in 16 is
    charged to the site's budget, and a spent budget rotates the record
    (it starts over from the missing class, ever more rarely) instead of
    deoptimizing it, so the site does not cycle through specialize, grow,
    deopt. A site whose classes change for good still gets entries for the
    new ones."""

    def ns(self):
        g = {"__name__": "mega"}
        exec(MEGA_SRC, g)
        return g

    def run_site(self, fn, expected, *args):
        """Stats of one call fn(*args) alone, its result checked."""
        sigil.reset_stats()
        self.assertEqual(fn(*args), expected)
        return sigil.stats()

    def six_kinds_run(self, n):
        """Stats of n calls of call_f over objects of six classes, after
        600 that warm its site up (its record full)."""
        g = self.ns()
        objs = [k() for k in g["KINDS"][:6]]
        g["call_f"](objs, 600)
        return self.run_site(g["call_f"], n, objs, n)

    def test_more_classes_than_entries_keep_the_record(self):
        s = self.six_kinds_run(6000)
        # Two classes in six miss: about 2000 misses, 1 in 16 charged.
        self.assertGreaterEqual(s["spec.full_misses_spared"], 1500, s)
        # Charging every miss deopted 240 times and published 960 records.
        self.assertLessEqual(s["LOAD_ATTR.deopts"], 40, s)
        self.assertLessEqual(s["spec.records_published"], 200, s)

    def after_phases(self, first, n_first, then, n_then):
        """Stats of 2000 calls of call_f over the classes KINDS[then], after
        n_first calls over KINDS[first] and n_then over KINDS[then]."""
        g = self.ns()
        objs = [k() for k in g["KINDS"][then]]
        g["call_f"]([k() for k in g["KINDS"][first]], n_first)
        g["call_f"](objs, n_then)
        return self.run_site(g["call_f"], 2000, objs, 2000)

    def test_a_site_whose_classes_change_respecializes(self):
        s = self.after_phases(slice(0, 4), 2000, slice(4, 8), 6000)
        # A site still holding the first classes' entries would miss all
        # 2000 times (the few allowed are other code's: assertEqual's).
        self.assertLess(s["LOAD_ATTR.misses"], 50, s)

    def test_megamorphic_site_rotates_instead_of_deopting(self):
        s = self.six_kinds_run(60000)
        # About 20,000 misses: a spent budget rotates the record (it starts
        # over from the missing class and grows again), and rotations past
        # the first four come ever more rarely; deoptimizing instead cycled
        # specialize, grow, deopt (about 150 deopts and 600 records here).
        self.assertLessEqual(s["LOAD_ATTR.deopts"], 2, s)
        self.assertGreaterEqual(s["spec.poly_rotations"], 4, s)
        self.assertLessEqual(s["spec.poly_rotations"], 40, s)
        self.assertLessEqual(s["spec.records_published"], 4 * 40, s)

    def test_call_and_store_sites_rotate(self):
        # the same rule at a CALL site over six functions and a STORE_ATTR
        # site over six classes (the families whose records also fill)
        g = self.ns()
        g["call_each"](600)
        s = self.run_site(g["call_each"], 30000 + 5 * 30000 // 2, 30000)
        self.assertLessEqual(s["CALL.deopts"], 2, s)
        self.assertGreaterEqual(s["spec.poly_rotations"], 4, s)
        self.assertGreater(s["form.CALL_PY_POLY"], 15000, s)
        objs = [k() for k in g["KINDS"][:6]]
        g["store_x"](objs, 600)
        s = self.run_site(g["store_x"], sum(range(29994, 30000)), objs, 30000)
        self.assertLessEqual(s["STORE_ATTR.deopts"], 2, s)
        self.assertGreaterEqual(s["spec.poly_rotations"], 4, s)
        self.assertGreater(s["form.STORE_ATTR_POLY"], 15000, s)

    def test_a_rotated_site_still_takes_a_new_phase(self):
        s = self.after_phases(slice(0, 6), 60000, slice(6, 10), 8000)
        # the four new classes have entries: no miss left at the site
        self.assertLess(s["LOAD_ATTR.misses"], 50, s)


class ClassChanges(unittest.TestCase):
    """A class changed now and then keeps its sites specialized (an entry
    replaced after a change is charged to the miss budget only when the
    same thread replaced it a moment ago); one changed at every execution
    still sends its sites generic. The specializer looks class attributes
    up without CPython's type lock and still sees every change."""

    def setUp(self):
        self.ns = {"__name__": "class_changes"}
        exec(CLASS_CHANGES_SRC, self.ns)

    def test_class_changed_now_and_then_stays_specialized(self):
        ns = self.ns
        # 20 changes, each hundreds of executions apart (far more than the
        # 5 us that makes a replacement "soon"); the budget is 8 misses
        r, s = stats_delta(ns["read"], ns["P"](), 8000, 400)
        self.assertEqual(r, 8000 * 3)
        self.assertEqual(s.get("LOAD_ATTR.deopts", 0), 0, s)
        self.assertGreaterEqual(s.get("spec.entries_replaced_free", 0), 2 * 15, s)
        self.assertGreater(s.get("form.LOAD_ATTR_METHOD_WITH_VALUES", 0), 7900, s)
        self.assertGreater(s.get("form.LOAD_ATTR_INSTANCE_VALUE", 0), 7900, s)

    def test_class_changed_at_every_execution_goes_generic(self):
        ns = self.ns
        r, s = stats_delta(ns["read"], ns["P"](), 3000, 1)
        self.assertEqual(r, 3000 * 3)
        self.assertGreaterEqual(s.get("LOAD_ATTR.deopts", 0), 2, s)
        self.assertGreater(s.get("LOAD_ATTR.generic", 0), 1000, s)

    def test_super_site_stays_cached_across_class_changes(self):
        # a super() site that spends its budget keeps the locked immediate
        # form for good: 20 changes far apart must not spend it
        ns = self.ns
        r, s = stats_delta(ns["read_super"], ns["Q"](), 8000, 400, 1)
        self.assertEqual(r, 8000 * 3)
        self.assertGreater(s.get("form.LOAD_SUPER_ATTR_METHOD_CACHED", 0), 7800, s)
        self.assertLess(s.get("form.LOAD_SUPER_ATTR_METHOD", 0), 100, s)
        r, s = stats_delta(ns["read_super"], ns["Q"](), 3000, 1, 1)
        self.assertEqual(r, 3000 * 3)
        self.assertGreater(s.get("form.LOAD_SUPER_ATTR_METHOD", 0), 1000, s)

    def test_lookup_without_the_type_lock_sees_an_mro_change(self):
        ns = self.ns
        c = ns["C"]()
        r, s = stats_delta(ns["who"], c, 100)
        self.assertEqual(r, ["A"] * 100)
        self.assertGreaterEqual(s.get("spec.type_lookups_unlocked", 0), 1, s)
        who = fresh(ns["who"])
        self.assertEqual(who(c, 100), ["A"] * 100)
        ns["C"].__bases__ = (ns["B"],)   # a new MRO tuple, a new version
        self.assertEqual(who(c, 100), ["B"] * 100)
        ns["B"].who = lambda self: "B2"
        self.assertEqual(who(c, 3), ["B2"] * 3)


class ClosureCells(unittest.TestCase):
    """COPY_FREE_VARS of an immortal function (module- or class-level,
    once threads exist) makes its closure cells immortal; the cells of a
    mortal closure stay as they are, and what they hold dies on time."""

    def setUp(self):
        # CPython 3.13t immortalizes deferred objects (module- and
        # class-level functions, classes) when a second thread starts
        t = threading.Thread(target=lambda: None)
        t.start()
        t.join()

    def test_super_cell_of_immortal_method(self):
        ns = {"__name__": "closure_cells"}
        exec(SUPER_CACHED_SRC, ns)
        Mid = ns["Mid"]
        cell = Mid.g.__closure__[0]
        self.assertLess(sys.getrefcount(cell), 1000)   # made after the threads
        sigil.reset_stats()
        self.assertEqual(Mid().g(1), ("mid", "base", 1))
        self.assertGreater(sys.getrefcount(cell), 1 << 30)
        self.assertEqual(sigil.stats()["runtime.cells_immortalized"], 1)
        self.assertIs(cell.cell_contents, Mid)
        sigil.reset_stats()
        self.assertEqual(Mid().g(2), ("mid", "base", 2))
        self.assertEqual(sigil.stats()["runtime.cells_immortalized"], 0)

    def test_mortal_closure_untouched(self):
        import weakref
        class Held:
            pass
        died = []

        def make():
            h = Held()
            ref = weakref.ref(h, lambda r: died.append(True))

            def inner():
                return h
            return inner, ref
        inner, ref = make()
        cell = inner.__closure__[0]
        for _ in range(50):
            self.assertIsNotNone(inner())
        self.assertLess(sys.getrefcount(cell), 1000)
        del inner, cell
        self.assertEqual(died, [True])   # freed at once, as without Sigil
        self.assertIsNone(ref())


def _prop_get(self):
    return ("get", self.v)


def _prop_raise(self):
    raise KeyError("raised")


KEYS_SRC = """
def use(n, g, every, action):
    out = []
    for i in range(n):
        if every and i % every == 0:
            action(g, i)
        try:
            out.append(V)
        except NameError:
            out.append("missing")
    return out
"""


@unittest.skipUnless(sigil.info()["mode"] in ("interp", "jit"), "needs Sigil's interpreter")
class GlobalKeysForm(unittest.TestCase):
    """LOAD_GLOBAL_MODULE_KEYS: a module global read by its keys version,
    demoted to the index-and-name LOAD_GLOBAL_MODULE once its keys change."""

    def run_use(self, n, every, action):
        g = {"__builtins__": __builtins__, "V": 10}
        exec(KEYS_SRC, g)
        sigil.reset_stats()
        r = g["use"](n, g, every, action)
        return r, sigil.stats()

    def test_stable_globals_use_the_keys_form(self):
        def rebind(g, i):
            g["V"] = 10 + i          # a store to an existing key keeps the version
        r, s = self.run_use(2000, 100, rebind)
        self.assertEqual(r, [10 + 100 * (i // 100) for i in range(2000)])
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_MODULE_KEYS"], 1990, s)
        self.assertEqual(s["guard.LOAD_GLOBAL_MODULE_KEYS.LOAD_GLOBALS_KEYED"], 0, s)
        self.assertEqual(s["LOAD_GLOBAL.deopts"], 0, s)

    def test_keys_change_demotes_the_site(self):
        def grow(g, i):
            if i == 1000:
                for k in range(40):  # new keys: the version is zeroed, the dict resized
                    g["pad%d" % k] = k
        r, s = self.run_use(2000, 1000, grow)
        self.assertEqual(r, [10] * 2000)
        self.assertEqual(s["guard.LOAD_GLOBAL_MODULE_KEYS.LOAD_GLOBALS_KEYED"], 1, s)
        self.assertEqual(s["LOAD_GLOBAL.deopts"], 1, s)      # the demotion
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_MODULE_KEYS"], 990, s)
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_MODULE"], 990, s)
        self.assertLessEqual(s["LOAD_GLOBAL.generic"], 30, s)

    def test_deleted_and_readded_global(self):
        def toggle(g, i):
            if i == 700:
                del g["V"]
            elif i == 1400:
                g["V"] = 11
        r, s = self.run_use(2100, 700, toggle)
        self.assertEqual(r, [10] * 700 + ["missing"] * 700 + [11] * 700)
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_MODULE_KEYS"], 690, s)

    def test_builtin_keyed_form_and_its_demotion(self):
        # A private builtins dict, so that changing its keys disturbs no
        # other test: the world version vouches for the name's absence
        # from the globals, the builtins' keys version for its entry.
        b = {"range": range, "V2": 5}
        g = {"__builtins__": b}
        exec("def use(n, b, every, action):\n"
             "    out = []\n"
             "    for i in range(n):\n"
             "        if every and i % every == 0:\n"
             "            action(b, i)\n"
             "        out.append(V2)\n"
             "    return out\n", g)

        def act(b, i):
            if i == 1000:
                b["pad"] = 0         # the builtins' keys change
            elif i == 1500:
                b["V2"] = 6          # a store: the version holds
        sigil.reset_stats()
        r = g["use"](2000, b, 500, act)
        s = sigil.stats()
        self.assertEqual(r, [5] * 1500 + [6] * 500)
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_BUILTIN_KEYED"], 990, s)
        self.assertEqual(s["guard.LOAD_GLOBAL_BUILTIN_KEYED.LOAD_BUILTINS_KEYED"], 1, s)
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_BUILTIN"], 990, s)
        self.assertEqual(s["LOAD_GLOBAL.deopts"], 1, s)

    def test_value_replaced_between_loads_is_never_stale(self):
        # Values die as they are replaced: each load must see the current
        # one (the slot's try-incref), never a freed or an older object.
        class Box:
            def __init__(self, v):
                self.v = v

        def rebind(g, i):
            g["V"] = Box(i)
        r, s = self.run_use(3000, 1, rebind)
        self.assertEqual([b.v for b in r], list(range(3000)))
        self.assertGreaterEqual(s["form.LOAD_GLOBAL_MODULE_KEYS"], 2990, s)


if __name__ == "__main__":
    unittest.main()
