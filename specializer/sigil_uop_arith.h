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

SIGIL_UOP_BODY(GUARD_COMPARE_EQ_NE)
{
    int op = e->oparg >> 5;
    UOP_CHECK(op == Py_EQ || op == Py_NE);
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

#define UOP_BINARY_INT(name, fn)                                                        \
    SIGIL_UOP_BODY(name)                                                                \
    {                                                                                   \
        return sigil_uop_replace2(e, fn((PyLongObject *)E_PEEK(2), (PyLongObject *)E_PEEK(1))); \
    }
UOP_BINARY_INT(BINARY_ADD_INT, _PyLong_Add)
UOP_BINARY_INT(BINARY_SUBTRACT_INT, _PyLong_Subtract)
UOP_BINARY_INT(BINARY_MULTIPLY_INT, _PyLong_Multiply)
#undef UOP_BINARY_INT

/* Compact ints (one 30-bit digit) under the operators CPython 3.13 does
 * not specialize: %, //, &, |, ^, >>, <<. Ints are immutable, so the
 * exact-type and compactness guards are the whole argument. The operands
 * that would raise or leave the fast range (a zero divisor, a negative
 * shift, a left shift past 32 bits) miss, and the generic instruction
 * raises or computes. */
SIGIL_UOP_BODY(GUARD_INT_OPERANDS_FIT)
{
    Py_ssize_t b = _PyLong_CompactValue((PyLongObject *)E_PEEK(1));
    switch (sigil_nb_base(e->oparg)) {
    case NB_REMAINDER:
    case NB_FLOOR_DIVIDE:
        UOP_CHECK(b != 0);
        break;
    case NB_RSHIFT:
        UOP_CHECK(b >= 0);
        break;
    case NB_LSHIFT:
        UOP_CHECK(b >= 0 && b <= 32);
        break;
    default:
        break;
    }
    return SIGIL_UOP_OK;
}

/* The result with Python's semantics: floor division and a remainder of
 * the divisor's sign, two's-complement bit operations on the (infinite)
 * sign extension, arithmetic right shifts. |a|, |b| < 2^30, so no
 * intermediate overflows 64 bits (a << 32 included). */
SIGIL_UOP_BODY(BINARY_COMPACT_INT)
{
    int64_t a = _PyLong_CompactValue((PyLongObject *)E_PEEK(2));
    int64_t b = _PyLong_CompactValue((PyLongObject *)E_PEEK(1));
    int64_t r;
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
    default: /* NB_LSHIFT, b <= 32 */
        r = (int64_t)((uint64_t)a << b);
        break;
    }
    return sigil_uop_replace2(e, PyLong_FromLongLong(r));
}

#define UOP_BINARY_FLOAT(name, op)                                                      \
    SIGIL_UOP_BODY(name)                                                                \
    {                                                                                   \
        return sigil_uop_replace2(                                                       \
            e, PyFloat_FromDouble(PyFloat_AS_DOUBLE(E_PEEK(2)) op PyFloat_AS_DOUBLE(E_PEEK(1)))); \
    }
UOP_BINARY_FLOAT(BINARY_ADD_FLOAT, +)
UOP_BINARY_FLOAT(BINARY_SUBTRACT_FLOAT, -)
UOP_BINARY_FLOAT(BINARY_MULTIPLY_FLOAT, *)
#undef UOP_BINARY_FLOAT

SIGIL_UOP_BODY(BINARY_ADD_UNICODE)
{
    return sigil_uop_replace2(e, PyUnicode_Concat(E_PEEK(2), E_PEEK(1)));
}

/* `s = s + t` / `s += t` where the next instruction stores to s's local:
 * the frame's locals are the running thread's own, so the check holds
 * until the action runs. */
SIGIL_UOP_BODY(GUARD_INPLACE_TARGET)
{
    int local = sigil_code_store_fast_target(_PyCode_CODE(e->co) + e->next);
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
    int local = sigil_code_store_fast_target(_PyCode_CODE(e->co) + e->next);
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
    Py_DECREF(E_PEEK(2));
    Py_DECREF(E_PEEK(1));
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
#undef UOP_COMPARE_RESULT

SIGIL_UOP_BODY(COMPARE_STR_EQ)
{
    int eq = _PyUnicode_Equal(E_PEEK(2), E_PEEK(1));
    return uop_compare_result(e, eq == ((e->oparg >> 5) == Py_EQ));
}

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

SIGIL_UOP_BODY(REPLACE_TOS_FALSE) { return uop_truth_result(e, 0); }
SIGIL_UOP_BODY(REPLACE_TOS_TRUE) { return uop_truth_result(e, 1); }
