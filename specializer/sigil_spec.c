/* sigil_spec.c: specialization decisions, publication and deoptimization
 * for the exact-type families (see sigil_spec.h for why these need no cache
 * records, and docs/specializer.md for the full protocol). */
#include "sigil_spec.h"

/* -- The specialization lock (SiJiL) ------------------------------------ */

void
sigil_sijil_lock(sigil_runtime *rt, sigil_tstate *ts)
{
    sigil_stat_bump(ts, SIGIL_STAT_sijil_acquisitions);
    if (!PyMutex_LockFast(&rt->sijil._bits)) {
        sigil_stat_bump(ts, SIGIL_STAT_sijil_contended);
        PyMutex_Lock(&rt->sijil);
    }
}

void
sigil_sijil_unlock(sigil_runtime *rt)
{
    PyMutex_Unlock(&rt->sijil);
}

int
sigil_sijil_is_held(sigil_runtime *rt)
{
    return PyMutex_IsLocked(&rt->sijil);
}

/* -- Choosing a form ------------------------------------------------------ */

int
sigil_spec_binary_op(int oparg, PyObject *lhs, PyObject *rhs)
{
    int add = oparg == NB_ADD || oparg == NB_INPLACE_ADD;
    int sub = oparg == NB_SUBTRACT || oparg == NB_INPLACE_SUBTRACT;
    int mul = oparg == NB_MULTIPLY || oparg == NB_INPLACE_MULTIPLY;
    if (Py_TYPE(lhs) != Py_TYPE(rhs)) {
        return -1;
    }
    if (PyLong_CheckExact(lhs)) {
        return add ? BINARY_OP_ADD_INT : sub ? BINARY_OP_SUBTRACT_INT
             : mul ? BINARY_OP_MULTIPLY_INT : -1;
    }
    if (PyFloat_CheckExact(lhs)) {
        return add ? BINARY_OP_ADD_FLOAT : sub ? BINARY_OP_SUBTRACT_FLOAT
             : mul ? BINARY_OP_MULTIPLY_FLOAT : -1;
    }
    if (PyUnicode_CheckExact(lhs) && add) {
        return BINARY_OP_ADD_UNICODE;
    }
    return -1;
}

int
sigil_spec_compare_op(int oparg, PyObject *lhs, PyObject *rhs)
{
    if (Py_TYPE(lhs) != Py_TYPE(rhs)) {
        return -1;
    }
    if (PyLong_CheckExact(lhs)) {
        return (_PyLong_IsCompact((PyLongObject *)lhs) && _PyLong_IsCompact((PyLongObject *)rhs))
                   ? COMPARE_OP_INT : -1;
    }
    if (PyFloat_CheckExact(lhs)) {
        return COMPARE_OP_FLOAT;
    }
    int op = oparg >> 5;
    if (PyUnicode_CheckExact(lhs) && (op == Py_EQ || op == Py_NE)) {
        return COMPARE_OP_STR;
    }
    return -1;
}

int
sigil_spec_to_bool(PyObject *value)
{
    if (PyBool_Check(value)) {
        return TO_BOOL_BOOL;
    }
    if (PyLong_CheckExact(value)) {
        return TO_BOOL_INT;
    }
    if (Py_IsNone(value)) {
        return TO_BOOL_NONE;
    }
    if (PyUnicode_CheckExact(value)) {
        return TO_BOOL_STR;
    }
    return -1;
}

/* -- Publication ------------------------------------------------------------ */

static void
backoff(sigil_code *sc, Py_ssize_t pc)
{
    uint16_t c = atomic_load_explicit(&sc->counters[pc], memory_order_relaxed);
    unsigned exp = (c >> 12) + 1;
    if (exp > 12) {
        exp = 12;
    }
    uint16_t wait = (uint16_t)((1u << exp) - 1);
    atomic_store_explicit(&sc->counters[pc], (uint16_t)((exp << 12) | wait), memory_order_relaxed);
}

int
sigil_spec_load_global(PyObject *globals, PyObject *name, int *index)
{
    if (!PyDict_CheckExact(globals) || !PyUnicode_CheckExact(name)) {
        return -1;
    }
    PyDictObject *d = (PyDictObject *)globals;
    Py_ssize_t ix;
    /* The index is only a hint (the fast path re-checks the entry's key),
     * but the lookup itself must not race a resize: take the dict's lock. */
    Py_BEGIN_CRITICAL_SECTION(d);
    ix = d->ma_keys->dk_kind == DICT_KEYS_UNICODE ? _PyDict_LookupIndex(d, name) : -1;
    Py_END_CRITICAL_SECTION();
    if (ix < 0 || ix > 0xffff) {
        return -1;
    }
    *index = (int)ix;
    return LOAD_GLOBAL_MODULE;
}

void
sigil_spec_attempt(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                   sigil_word seen, sigil_family fam, int form)
{
    sigil_spec_attempt_aux(rt, ts, sc, pc, seen, fam, form, 0);
}

void
sigil_spec_attempt_aux(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                       sigil_word seen, sigil_family fam, int form, uint16_t aux)
{
    sigil_family_bump(ts, fam, SIGIL_FAMCTR_attempts);
    if (form < 0) {
        sigil_family_bump(ts, fam, SIGIL_FAMCTR_failures);
        backoff(sc, pc);
        return;
    }
    sigil_word desired = sigil_word_make_aux(form, SIGIL_W_NCACHE(seen), (uint32_t)SIGIL_W_ARG(seen), aux);
    sigil_sijil_lock(rt, ts);
    /* Under the SiJiL no other publisher writes; a concurrent deopt can
     * only have moved the word, which makes this CAS fail. */
    int ok = sigil_code_word_cas(sc, pc, seen, desired);
    sigil_sijil_unlock(rt);
    if (ok) {
        uint16_t c = atomic_load_explicit(&sc->counters[pc], memory_order_relaxed);
        atomic_store_explicit(&sc->counters[pc],
                              (uint16_t)((c & 0xf000) | SIGIL_SPEC_MISS_BUDGET),
                              memory_order_relaxed);
        sigil_stat_bump(ts, SIGIL_STAT_words_published);
        sigil_family_bump(ts, fam, SIGIL_FAMCTR_successes);
    }
    else {
        sigil_stat_bump(ts, SIGIL_STAT_publish_races_lost);
    }
}

void
sigil_spec_deopt(sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc, sigil_word seen,
                 sigil_family fam, int base_op)
{
    sigil_word generic = sigil_word_make(base_op, SIGIL_W_NCACHE(seen), (uint32_t)SIGIL_W_ARG(seen));
    if (sigil_code_word_cas(sc, pc, seen, generic)) {
        sigil_stat_bump(ts, SIGIL_STAT_words_published);
        sigil_family_bump(ts, fam, SIGIL_FAMCTR_deopts);
        backoff(sc, pc);
    }
    else {
        sigil_stat_bump(ts, SIGIL_STAT_publish_races_lost);
    }
}
