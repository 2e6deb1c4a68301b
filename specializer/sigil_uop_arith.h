/* sigil_uop_arith.h: micro-ops of BINARY_OP, COMPARE_OP and TO_BOOL.
 *
 * Their guards check exact operand types; the operands are immutable
 * objects (int, float, str, bool, None) or, for a list's truth, read with
 * one relaxed load of a size any value of which is a correct answer, so
 * nothing another thread does can invalidate a guard between check and use.
 * Included by sigil_uop.h only.
 */

/* -- Operand guards ---------------------------------------------------------- */

SIGIL_UOP_BODY(GUARD_NOS_INT) { UOP_CHECK(PyLong_CheckExact(E_PEEK(2))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_TOS_INT) { UOP_CHECK(PyLong_CheckExact(E_PEEK(1))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_NOS_FLOAT) { UOP_CHECK(PyFloat_CheckExact(E_PEEK(2))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_TOS_FLOAT) { UOP_CHECK(PyFloat_CheckExact(E_PEEK(1))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_NOS_UNICODE) { UOP_CHECK(PyUnicode_CheckExact(E_PEEK(2))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_TOS_UNICODE) { UOP_CHECK(PyUnicode_CheckExact(E_PEEK(1))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_TOS_BOOL) { UOP_CHECK(PyBool_Check(E_PEEK(1))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_TOS_NONE) { UOP_CHECK(Py_IsNone(E_PEEK(1))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_TOS_LIST) { UOP_CHECK(PyList_CheckExact(E_PEEK(1))); return SIGIL_UOP_OK; }

SIGIL_UOP_BODY(GUARD_BOTH_COMPACT_INT)
{
    UOP_CHECK(_PyLong_IsCompact((PyLongObject *)E_PEEK(2)) &&
              _PyLong_IsCompact((PyLongObject *)E_PEEK(1)));
    return SIGIL_UOP_OK;
}

/* The value of an exact int below 2**62 in magnitude: compact (one
 * digit), or two or three 30-bit digits whose top one is below 4. Ints are
 * immutable, so reading the digits races with nothing. */
_Static_assert(PyLong_SHIFT == 30, "sigil_int62 assumes 30-bit digits");
static inline __attribute__((always_inline)) int
sigil_int62(PyObject *o, int64_t *out)
{
    PyLongObject *v = (PyLongObject *)o;
    if (_PyLong_IsCompact(v)) {
        *out = _PyLong_CompactValue(v);
        return 1;
    }
    Py_ssize_t n = _PyLong_DigitCount(v);
    const digit *d = v->long_value.ob_digit;
    if (n > 3 || (n == 3 && d[2] >= 4)) {
        return 0;
    }
    uint64_t x = (uint64_t)d[0] | (uint64_t)d[1] << 30 | (n == 3 ? (uint64_t)d[2] << 60 : 0);
    *out = _PyLong_IsNegative(v) ? -(int64_t)x : (int64_t)x;
    return 1;
}

SIGIL_UOP_BODY(GUARD_BOTH_INT62)
{
    int64_t a, b;
    UOP_CHECK(sigil_int62(E_PEEK(2), &a) && sigil_int62(E_PEEK(1), &b));
    return SIGIL_UOP_OK;
}

/* The type version that the record pins. A type change zeroes the version
 * before it changes anything, so a matching version is read either before
 * the change began or not at all. */
SIGIL_UOP_BODY(GUARD_TOS_TYPE_VERSION)
{
    /* Fault attr_skip_type_guard: without this guard in
     * LOAD_ATTR_INSTANCE_VALUE a class attribute added later (a property,
     * a data descriptor) is never consulted. */
    if (SIGIL_FAULT(attr_skip_type_guard) && SIGIL_W_OP(e->word) == LOAD_ATTR_INSTANCE_VALUE) {
        return SIGIL_UOP_OK;
    }
    return sigil_uop_type_version(e, Py_TYPE(E_PEEK(1)));
}

/* -- Binary operators -------------------------------------------------------- */

/* +, -, * on two ints: compact operands (below 2**30 in magnitude) in
 * 64-bit arithmetic, which cannot overflow, the result made by
 * sigil_int_new; CPython's functions otherwise. */
static inline __attribute__((always_inline)) PyObject *
uop_int_arith(sigil_tstate *ts, int op, PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_BothAreCompact(a, b)) {
        int64_t x = _PyLong_CompactValue(a), y = _PyLong_CompactValue(b);
        return sigil_int_new(ts, op == NB_ADD ? x + y : op == NB_SUBTRACT ? x - y : x * y);
    }
    return op == NB_ADD ? _PyLong_Add(a, b) : op == NB_SUBTRACT ? _PyLong_Subtract(a, b)
                                                                : _PyLong_Multiply(a, b);
}

#define UOP_BINARY_INT(name, op)                                                        \
    SIGIL_UOP_BODY(name)                                                                \
    {                                                                                   \
        PyLongObject *a_ = (PyLongObject *)E_PEEK(2), *b_ = (PyLongObject *)E_PEEK(1);  \
        return sigil_uop_replace2(e, uop_int_arith(e->ts, op, a_, b_));                 \
    }
UOP_BINARY_INT(BINARY_ADD_INT, NB_ADD)
UOP_BINARY_INT(BINARY_SUBTRACT_INT, NB_SUBTRACT)
UOP_BINARY_INT(BINARY_MULTIPLY_INT, NB_MULTIPLY)
#undef UOP_BINARY_INT

/* Ints below 2**62 in magnitude (GUARD_BOTH_INT62) under the operators
 * CPython 3.13 does not specialize: %, //, &, |, ^, >>, <<. Ints are
 * immutable, so the exact-type and size guards are the whole argument.
 * The operands that would raise or leave 64 bits (a zero divisor, a
 * negative shift, a left shift whose result would reach 2**62) miss, and
 * the generic instruction raises or computes.
 *
 * Can BINARY_INT64 compute `a op b` (op a base NB_* operator)? Not a
 * zero divisor, a negative shift count, or a left shift whose result
 * would reach 2**62. The guard below and the chooser (which does not pick
 * the form for operands that would miss at once) both ask this. */
static inline __attribute__((always_inline)) int
sigil_int64_operands_fit(int op, int64_t a, int64_t b)
{
    switch (op) {
    case NB_REMAINDER:
    case NB_FLOOR_DIVIDE:
        return b != 0;
    case NB_RSHIFT:
        return b >= 0;
    case NB_LSHIFT:
        /* |a| < 2**(62 - b), so |a << b| < 2**62 */
        return b >= 0 && b <= 62 && ((a < 0 ? -a : a) >> (62 - b)) == 0;
    default:
        return 1;
    }
}

SIGIL_UOP_BODY(GUARD_INT_OPERANDS_FIT)
{
    int64_t a = 0, b = 0;   /* set: GUARD_BOTH_INT62 passed */
    sigil_int62(E_PEEK(2), &a);
    sigil_int62(E_PEEK(1), &b);
    UOP_CHECK(sigil_int64_operands_fit(sigil_nb_base(e->oparg), a, b));
    return SIGIL_UOP_OK;
}

/* The result with Python's semantics: floor division and a remainder of
 * the divisor's sign, two's-complement bit operations on the (infinite)
 * sign extension, arithmetic right shifts. |a|, |b| < 2**62, so neither
 * a / b nor a % b overflows (no INT64_MIN / -1), bit operations stay
 * below 2**62, and the guard bounds a << b. */
SIGIL_UOP_BODY(BINARY_INT64)
{
    int64_t a = 0, b = 0, r;   /* set: GUARD_BOTH_INT62 passed */
    sigil_int62(E_PEEK(2), &a);
    sigil_int62(E_PEEK(1), &b);
    switch (sigil_nb_base(e->oparg)) {
    case NB_REMAINDER:
        r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) {
            r += b;
        }
        break;
    case NB_FLOOR_DIVIDE:
        r = a / b;
        if (r * b != a && ((a < 0) != (b < 0))) {
            r -= 1;
        }
        break;
    case NB_AND:
        r = a & b;
        break;
    case NB_OR:
        r = a | b;
        break;
    case NB_XOR:
        r = a ^ b;
        break;
    case NB_RSHIFT:
        r = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
        break;
    default: /* NB_LSHIFT, bounded by the guard */
        r = (int64_t)((uint64_t)a << b);
        break;
    }
    return sigil_uop_replace2(e, sigil_int_new(e->ts, r));
}

/* Is `o` a float whose one reference is the stack's (sigil_only_reference)?
 * Then the result may be written into it in place, as CPython's GIL build
 * does for a float of reference count 1: a stale reader lets go without
 * reading the value, so writing ob_fval races with no reader. */
static inline __attribute__((always_inline)) int
uop_float_reusable(PyObject *o)
{
    return PyFloat_CheckExact(o) && sigil_only_reference(o);
}

/* Replace the two top values by the float `d`, written into an operand
 * that only the stack references when there is one (no allocation, no
 * deallocation), else into a new float. An operand borrowed from a local
 * (env->borrow) is never reused: its one reference is the local's, which
 * must keep its value. */
static inline __attribute__((always_inline)) int
uop_float_result(sigil_uop_env *e, double d)
{
    PyObject *left = E_PEEK(2), *right = E_PEEK(1);
    if (!(e->borrow & SIGIL_BORROW_NOS) && uop_float_reusable(left)) {
        ((PyFloatObject *)left)->ob_fval = d;
        if (!(e->borrow & SIGIL_BORROW_TOS)) {
            (void)sigil_drop(right);
        }
        e->sp--;
        return SIGIL_UOP_OK;
    }
    if (!(e->borrow & SIGIL_BORROW_TOS) && uop_float_reusable(right)) {
        ((PyFloatObject *)right)->ob_fval = d;
        if (!(e->borrow & SIGIL_BORROW_NOS)) {
            (void)sigil_drop(left);
        }
        e->sp--;
        E_TOP() = right;
        return SIGIL_UOP_OK;
    }
    /* the operands first: a float freed here is the one the allocation
     * takes back from the thread's free list */
    sigil_uop_drop_operands(e);
    PyObject *r = sigil_float_new(d);
    e->sp -= 2;
    if (r == NULL) {
        return SIGIL_UOP_ERROR;
    }
    *e->sp++ = r;
    return SIGIL_UOP_OK;
}

#define UOP_BINARY_FLOAT(name, op)                                                      \
    SIGIL_UOP_BODY(name)                                                                \
    {                                                                                   \
        return uop_float_result(e, PyFloat_AS_DOUBLE(E_PEEK(2)) op PyFloat_AS_DOUBLE(E_PEEK(1))); \
    }
UOP_BINARY_FLOAT(BINARY_ADD_FLOAT, +)
UOP_BINARY_FLOAT(BINARY_SUBTRACT_FLOAT, -)
UOP_BINARY_FLOAT(BINARY_MULTIPLY_FLOAT, *)
#undef UOP_BINARY_FLOAT

/* Mixed and remaining float arithmetic: +, -, * where one operand is a
 * compact int, / on any two of float and compact int, ** on a positive
 * finite base and a finite exponent. Floats and ints are immutable, so the
 * operand guard is the whole argument; its conditions are those under
 * which CPython's float and int slots compute exactly this double:
 * - a compact int (|v| < 2^30) converts to a double exactly, which is what
 *   float's slots do with an int operand (PyLong_AsDouble);
 * - int / int on compact ints is float division of the converted values
 *   (CPython's true division takes the same path when both fit in a
 *   double's mantissa);
 * - a zero divisor misses, and the generic instruction raises;
 * - ** on a positive finite base and a finite exponent reaches the
 *   platform pow() in float_pow after special cases that pow() agrees
 *   with (w == 0, v == 1); the action treats errno as float_pow does. */
static inline __attribute__((always_inline)) int
uop_float_operand(PyObject *o)
{
    return PyFloat_CheckExact(o) || (PyLong_CheckExact(o) && _PyLong_IsCompact((PyLongObject *)o));
}

static inline __attribute__((always_inline)) double
uop_float_value(PyObject *o)
{
    return PyFloat_CheckExact(o) ? PyFloat_AS_DOUBLE(o)
                                 : (double)_PyLong_CompactValue((PyLongObject *)o);
}

/* Shared with the chooser (sigil_spec_binary_op): may the mixed float form
 * compute `lhs <op> rhs` (oparg a BINARY_OP oparg)? */
static inline int
sigil_float_arith_applies(int oparg, PyObject *lhs, PyObject *rhs)
{
    if (!uop_float_operand(lhs) || !uop_float_operand(rhs)) {
        return 0;
    }
    int some_float = PyFloat_CheckExact(lhs) || PyFloat_CheckExact(rhs);
    switch (sigil_nb_base(oparg)) {
    case NB_ADD:
    case NB_SUBTRACT:
    case NB_MULTIPLY:
        return some_float;
    case NB_TRUE_DIVIDE:
        return uop_float_value(rhs) != 0.0;
    case NB_POWER: {
        double v = uop_float_value(lhs), w = uop_float_value(rhs);
        return some_float && v > 0.0 && isfinite(v) && isfinite(w);
    }
    default:
        return 0;
    }
}

SIGIL_UOP_BODY(GUARD_FLOAT_ARITH)
{
    UOP_CHECK(sigil_float_arith_applies(e->oparg, E_PEEK(2), E_PEEK(1)));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(BINARY_FLOAT_ARITH)
{
    double a = uop_float_value(E_PEEK(2)), b = uop_float_value(E_PEEK(1)), r;
    switch (sigil_nb_base(e->oparg)) {
    case NB_ADD:
        r = a + b;
        break;
    case NB_SUBTRACT:
        r = a - b;
        break;
    case NB_MULTIPLY:
        r = a * b;
        break;
    case NB_TRUE_DIVIDE:
        r = a / b;
        break;
    default: /* NB_POWER */
        errno = 0;
        r = pow(a, b);
        _Py_ADJUST_ERANGE1(r);
        if (errno != 0) {
            PyErr_SetFromErrno(errno == ERANGE ? PyExc_OverflowError : PyExc_ValueError);
            sigil_uop_drop_operands(e);
            e->sp -= 2;
            return SIGIL_UOP_ERROR;
        }
        break;
    }
    return uop_float_result(e, r);
}

/* BINARY_OP_NUMERIC: +, -, * at a site whose operands change kind
 * between ints and floats (`s = s + x * 2` over a list of both). The
 * narrow forms, each chosen for the operands of the moment, missed half
 * the time and deoptimized every eight misses, and the site went round
 * specialize, miss, deopt about every sixteen executions, each time
 * publishing its word under the SiJiL; with two threads the word's and
 * the counter's cache lines bounced, and the site ran at stock speed.
 * This form takes both kinds: two exact ints go to CPython's int
 * arithmetic (any size, as the int forms), anything the float form takes
 * (an exact float and a float or compact int) is computed in double
 * precision, exactly as BINARY_FLOAT_ARITH computes it. Ints and floats
 * are immutable, so the guard's type checks are the whole argument. */
static inline __attribute__((always_inline)) int
sigil_numeric_applies(int oparg, PyObject *lhs, PyObject *rhs)
{
    int op = sigil_nb_base(oparg);
    if (op != NB_ADD && op != NB_SUBTRACT && op != NB_MULTIPLY) {
        return 0;
    }
    if (PyLong_CheckExact(lhs) && PyLong_CheckExact(rhs)) {
        return 1;
    }
    return sigil_float_arith_applies(oparg, lhs, rhs);
}

SIGIL_UOP_BODY(GUARD_NUMERIC)
{
    UOP_CHECK(sigil_numeric_applies(e->oparg, E_PEEK(2), E_PEEK(1)));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(BINARY_NUMERIC)
{
    PyObject *lhs = E_PEEK(2), *rhs = E_PEEK(1);
    int op = sigil_nb_base(e->oparg);
    if (PyLong_CheckExact(lhs) && PyLong_CheckExact(rhs)) {
        return sigil_uop_replace2(e, uop_int_arith(e->ts, op, (PyLongObject *)lhs, (PyLongObject *)rhs));
    }
    double x = uop_float_value(lhs), y = uop_float_value(rhs);
    return uop_float_result(e, op == NB_ADD ? x + y : op == NB_SUBTRACT ? x - y : x * y);
}

SIGIL_UOP_BODY(BINARY_ADD_UNICODE)
{
    return sigil_uop_replace2(e, PyUnicode_Concat(E_PEEK(2), E_PEEK(1)));
}

/* `s = s + t` / `s += t` where the next instruction stores to s's local:
 * the frame's locals are the running thread's own, so the check holds
 * until the action runs. */
SIGIL_UOP_BODY(GUARD_INPLACE_TARGET)
{
    int local = sigil_code_store_fast_target(e->next);
    UOP_CHECK(local >= 0 && e->frame->localsplus[local] == E_PEEK(2));
    return SIGIL_UOP_OK;
}

/* Dropping the stack's reference leaves the local's, so PyUnicode_Append
 * may extend the string in place: it does so only when the string is
 * uniquely referenced in the free-threaded sense (owned by this thread,
 * one local reference, no shared one), which no other thread can change
 * since it holds no reference; otherwise it builds a new string. Either
 * way the local receives the result and the STORE_FAST is skipped. */
SIGIL_UOP_BODY(BINARY_INPLACE_ADD_UNICODE)
{
    PyObject *right = E_PEEK(1);
    int local = sigil_code_store_fast_target(e->next);
    PyObject **target = &e->frame->localsplus[local];
    Py_DECREF(E_PEEK(2));   /* the local still holds it */
    e->sp -= 2;
    PyUnicode_Append(target, right);
    Py_DECREF(right);
    if (*target == NULL) {
        return SIGIL_UOP_ERROR;
    }
    e->next += 1;   /* past the STORE_FAST (no inline caches) */
    return SIGIL_UOP_OK;
}

/* -- Comparisons (a bool whatever oparg's to-bool bit says) ------------------ */

#define UOP_COMPARE_RESULT(op, a, b)                                            \
    ((op) == Py_LT ? (a) < (b) : (op) == Py_LE ? (a) <= (b)                     \
     : (op) == Py_EQ ? (a) == (b) : (op) == Py_NE ? (a) != (b)                  \
     : (op) == Py_GT ? (a) > (b) : (a) >= (b))

/* Replace the two operands by True or False. */
static inline __attribute__((always_inline)) int
uop_compare_result(sigil_uop_env *e, int r)
{
    sigil_uop_drop_operands(e);
    e->sp--;
    E_TOP() = r ? Py_True : Py_False;
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(COMPARE_INT)
{
    Py_ssize_t a = _PyLong_CompactValue((PyLongObject *)E_PEEK(2));
    Py_ssize_t b = _PyLong_CompactValue((PyLongObject *)E_PEEK(1));
    return uop_compare_result(e, UOP_COMPARE_RESULT(e->oparg >> 5, a, b));
}

SIGIL_UOP_BODY(COMPARE_FLOAT)
{
    double a = PyFloat_AS_DOUBLE(E_PEEK(2)), b = PyFloat_AS_DOUBLE(E_PEEK(1));
    return uop_compare_result(e, UOP_COMPARE_RESULT(e->oparg >> 5, a, b));
}

/* COMPARE_OP_NUMERIC: an int compared with a float (`x < 0.5` with x an
 * int), which CPython 3.13 leaves generic, and a site whose operands
 * change between ints and floats (the narrow forms deoptimized every
 * eight misses, see BINARY_OP_NUMERIC). A compact int has at most 30
 * bits, so its double is exact and comparing doubles gives what int and
 * float comparisons give, NaN included (every order and == false, !=
 * true). Ints and floats are immutable: the guard is the whole argument. */
SIGIL_UOP_BODY(GUARD_BOTH_NUMERIC)
{
    UOP_CHECK(uop_float_operand(E_PEEK(2)) && uop_float_operand(E_PEEK(1)));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(COMPARE_NUMERIC)
{
    double a = uop_float_value(E_PEEK(2)), b = uop_float_value(E_PEEK(1));
    return uop_compare_result(e, UOP_COMPARE_RESULT(e->oparg >> 5, a, b));
}

/* Strs are immutable, so the two exact strs the guards saw are compared
 * with no further check: equality by _PyUnicode_Equal, order by
 * PyUnicode_Compare (code point by code point, as str's own richcompare;
 * it cannot fail for two strs). */
SIGIL_UOP_BODY(COMPARE_STR)
{
    int op = e->oparg >> 5;
    PyObject *a = E_PEEK(2), *b = E_PEEK(1);
    if (op == Py_EQ || op == Py_NE) {
        return uop_compare_result(e, _PyUnicode_Equal(a, b) == (op == Py_EQ));
    }
    int c = PyUnicode_Compare(a, b);
    return uop_compare_result(e, UOP_COMPARE_RESULT(op, c, 0));
}
#undef UOP_COMPARE_RESULT

/* -- Truth ------------------------------------------------------------------- */

/* Replace the top value by True or False. */
static inline __attribute__((always_inline)) int
uop_truth_result(sigil_uop_env *e, int truth)
{
    Py_DECREF(E_TOP());
    E_TOP() = truth ? Py_True : Py_False;
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(TRUTH_INT) { return uop_truth_result(e, !_PyLong_IsZero((PyLongObject *)E_TOP())); }
SIGIL_UOP_BODY(TRUTH_STR) { return uop_truth_result(e, PyUnicode_GET_LENGTH(E_TOP()) != 0); }

/* Another thread may be resizing the list: either size is a valid answer. */
SIGIL_UOP_BODY(TRUTH_LIST)
{
    return uop_truth_result(e, _Py_atomic_load_ssize_relaxed(&((PyVarObject *)E_TOP())->ob_size) != 0);
}

/* The builtin kinds TRUTH_MIXED answers without running code (the
 * chooser asks it too). */
static inline __attribute__((always_inline)) int
sigil_truth_builtin_kind(PyTypeObject *tp)
{
    return tp == &PyBool_Type || tp == &PyLong_Type || tp == &_PyNone_Type ||
           tp == &PyUnicode_Type || tp == &PyFloat_Type || tp == &PyList_Type ||
           tp == &PyTuple_Type || tp == &PyDict_Type || tp == &PySet_Type;
}

/* TO_BOOL_MIXED: `if v:` at a site whose values change kind (an int
 * or None, a list or None, an instance or None). The narrow forms missed
 * at every change and the site went round specialize, miss, deopt. This
 * form takes the builtin kinds whose truth needs no code run, and one
 * class without __bool__ or __len__ by its type version, as
 * TO_BOOL_ALWAYS_TRUE does (a class given __bool__ later has a new
 * version). Chosen once the site has deoptimized. */
SIGIL_UOP_BODY(GUARD_TOS_TRUTH_MIXED)
{
    PyTypeObject *tp = Py_TYPE(E_TOP());
    if (sigil_truth_builtin_kind(tp)) {
        return SIGIL_UOP_OK;
    }
    /* version 0 (a builtin-only record) never matches: an unversioned
     * type's instances may have __bool__ */
    UOP_CHECK(e->rec->version != 0);
    return sigil_uop_type_version(e, tp);
}

/* The sizes are read relaxed, as TRUTH_LIST reads a list's: another
 * thread may be resizing the container, and either size is an answer
 * the generic instruction could have given. */
SIGIL_UOP_BODY(TRUTH_MIXED)
{
    PyObject *v = E_TOP();
    PyTypeObject *tp = Py_TYPE(v);
    int truth;
    if (tp == &PyBool_Type) {
        truth = Py_IsTrue(v);
    }
    else if (tp == &PyLong_Type) {
        truth = !_PyLong_IsZero((PyLongObject *)v);
    }
    else if (tp == &_PyNone_Type) {
        truth = 0;
    }
    else if (tp == &PyUnicode_Type) {
        truth = PyUnicode_GET_LENGTH(v) != 0;
    }
    else if (tp == &PyFloat_Type) {
        truth = PyFloat_AS_DOUBLE(v) != 0.0;
    }
    else if (tp == &PyList_Type || tp == &PyTuple_Type) {
        truth = _Py_atomic_load_ssize_relaxed(&((PyVarObject *)v)->ob_size) != 0;
    }
    else if (tp == &PyDict_Type) {
        truth = _Py_atomic_load_ssize_relaxed(&((PyDictObject *)v)->ma_used) != 0;
    }
    else if (tp == &PySet_Type) {
        truth = _Py_atomic_load_ssize_relaxed(&((PySetObject *)v)->used) != 0;
    }
    else {
        truth = 1;   /* the record's class, which has no __bool__ or __len__ */
    }
    return uop_truth_result(e, truth);
}

SIGIL_UOP_BODY(REPLACE_TOS_FALSE) { return uop_truth_result(e, 0); }
SIGIL_UOP_BODY(REPLACE_TOS_TRUE) { return uop_truth_result(e, 1); }
