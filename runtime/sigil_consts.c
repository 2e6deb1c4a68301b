/* sigil_consts.c: immortal constants for the code Sigil runs, deferred
 * reference counting for the classmethods and staticmethods its records
 * cache (sigil_make_deferred), and immortal closure cells for immortal
 * functions (sigil_closure_immortalize, at the end).
 *
 * CPython 3.13t interns and immortalizes the constants of a code object
 * when it creates it (codeobject.c, intern_constants), so that threads
 * running the same code do not fight over their reference counts: LOAD_CONST
 * of an immortal object touches no memory another thread writes. But it
 * turns that off for the whole of an explicit compile() call (gh-118527,
 * to keep frozen modules' marshal output identical in both builds), and
 * importlib compiles every module's source with compile(). So the numbers,
 * bytes and tuples in any imported function are mortal, owned by the thread
 * that imported the module, and every LOAD_CONST of one from another thread
 * is two atomic read-modify-writes of the object's shared count, on a cache
 * line that all threads running that function now bounce between them. On
 * two threads running one module's functions, those two loads were a
 * quarter of the samples of the shared-module benchmark (perf).
 *
 * Sigil applies CPython's own rule when it first runs a code object:
 * exact ints, floats, complexes and bytes, and exact tuples whose items are
 * (or are made) immortal. None of these types can be weakly referenced or
 * have a finalizer, so no Python code can observe when they die; only
 * sys.getrefcount changes, as for any constant CPython immortalizes. Like
 * CPython, nothing is done while immortalization is suppressed
 * (interp->gc.immortalize < 0: inside compile(), in subinterpreters, under
 * test.support.suppress_immortalization()).
 *
 * Immortalizing rewrites an object's reference count fields with plain
 * stores, which would race with any other thread's increments of the same
 * constant (the code may already run elsewhere, and the owner's own count
 * is not atomic). So the rewrite happens with the world stopped: no other
 * thread runs Python code or holds a half-done reference count update. The
 * scan that decides whether there is anything to do only reads (a stale
 * answer at worst makes a stop that finds nothing, or skips constants
 * another thread is about to immortalize itself).
 */
#include "sigil_consts.h"
#include "sigil_stats.h"

/* Tuples nest in constants (((1, 2), 3.0)); deeper ones stay mortal. */
#define MAX_DEPTH 8

/* What may be made immortal: the constants CPython 3.13t makes immortal
 * (CONSTS: exact ints, floats, complexes and bytes, and exact tuples of
 * them), or, for values threads share (SHARED), exact strs too. A str has
 * no weak references and no finalizer either, and 3.13t already makes
 * every interned str immortal; a str built at run time (a formatted dict
 * key, a name read from a file) is not interned, and is what SHARED adds. */
enum { CONSTS = 0, SHARED = 1 };

/* Is `v` of the kind `what` admits and not immortal yet? A tuple
 * qualifies if each item is immortal or qualifies itself. */
static int
needs_immortal_of(PyObject *v, int depth, int what)
{
    if (_Py_IsImmortal(v)) {
        return 0;
    }
    if (PyLong_CheckExact(v) || PyFloat_CheckExact(v) || PyComplex_CheckExact(v) ||
        PyBytes_CheckExact(v) || (what == SHARED && PyUnicode_CheckExact(v))) {
        return 1;
    }
    if (PyTuple_CheckExact(v) && depth < MAX_DEPTH) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(v); i++) {
            PyObject *item = PyTuple_GET_ITEM(v, i);
            if (!_Py_IsImmortal(item) && !needs_immortal_of(item, depth + 1, what)) {
                return 0;
            }
        }
        return 1;
    }
    return 0;
}

static int
needs_immortal(PyObject *v, int depth)
{
    return needs_immortal_of(v, depth, CONSTS);
}

/* World stopped: immortalize `v` (items first), counting the objects. The
 * reference total of debug builds loses the references the object had,
 * which immortal objects no longer count (as CPython's intern_one_constant
 * does). */
static void
make_immortal_of(PyObject *v, int depth, int what, uint64_t *count)
{
    if (PyTuple_CheckExact(v)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(v); i++) {
            PyObject *item = PyTuple_GET_ITEM(v, i);
            if (needs_immortal_of(item, depth + 1, what)) {
                make_immortal_of(item, depth + 1, what, count);
            }
        }
    }
#ifdef Py_REF_DEBUG
    _Py_AddRefTotal(_PyThreadState_GET(), -Py_REFCNT(v));
#endif
    _Py_SetImmortal(v);
    (*count)++;
}

static void
make_immortal(PyObject *v, int depth, uint64_t *count)
{
    make_immortal_of(v, depth, CONSTS, count);
}

void
sigil_consts_immortalize(PyCodeObject *co)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *consts = co->co_consts;
    Py_ssize_t n = PyTuple_GET_SIZE(consts);
    int any = 0;
    for (Py_ssize_t i = 0; i < n && !any; i++) {
        any = needs_immortal(PyTuple_GET_ITEM(consts, i), 0);
    }
    if (!any || _Py_atomic_load_int_relaxed(&interp->gc.immortalize) < 0) {
        return;
    }
    uint64_t count = 0;
    _PyEval_StopTheWorld(interp);
    /* Re-checked with the world stopped: the flag may have changed, and
     * another thread may have done this code's constants meanwhile. */
    if (interp->gc.immortalize >= 0) {
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *v = PyTuple_GET_ITEM(consts, i);
            if (needs_immortal(v, 0)) {
                make_immortal(v, 0, &count);
            }
        }
    }
    _PyEval_StartTheWorld(interp);
    sigil_tstate *ts = sigil_tstate_get();
    sigil_stat_bump(ts, SIGIL_STAT_consts_stops);
    sigil_counter_add(ts, SIGIL_CTR_STAT(SIGIL_STAT_consts_immortalized), count);
}

/* The world is stopped, so no other thread is inside a reference count
 * update of `o` and the owner's non-atomic local count can be written
 * from here. The fields are set as CPython's _PyObject_SetDeferredRefcount
 * sets them (which asserts that its caller owns the object, as this
 * thread may not): the GC bit, one reference held by the deferral
 * itself, and the shared count marked queued so that no other thread
 * queues the object for a merge. That needs a shared count of zero; with
 * threads started (gc.immortalize 1), CPython would immortalize instead,
 * whatever the counts. */
int
sigil_make_deferred(PyObject *o)
{
    /* Read without stopping the world: both states are written only with
     * the world stopped (here, or by the GC), and never undone while the
     * object lives, so a stale "no" only costs a stop that finds it done. */
    if (_Py_IsImmortal(o) || _PyObject_HasDeferredRefcount(o)) {
        return 1;
    }
    if (!PyType_IS_GC(Py_TYPE(o))) {
        return 0;
    }
    PyInterpreterState *interp = _PyInterpreterState_GET();
    int done = 1, changed = 1;
    _PyEval_StopTheWorld(interp);
    if (_Py_IsImmortal(o) || _PyObject_HasDeferredRefcount(o)) {
        changed = 0;   /* another thread did it while we waited */
    }
    else if (interp->gc.immortalize == 1) {
#ifdef Py_REF_DEBUG
        _Py_AddRefTotal(_PyThreadState_GET(), -Py_REFCNT(o));
#endif
        _Py_SetImmortal(o);
    }
    else if (o->ob_ref_shared == 0) {
        _PyObject_SET_GC_BITS(o, _PyGC_BITS_DEFERRED);
        o->ob_ref_local += 1;
        o->ob_ref_shared = _Py_REF_QUEUED;
    }
    else {
        done = changed = 0;
    }
    _PyEval_StartTheWorld(interp);
    if (changed) {
        sigil_stat_bump(sigil_tstate_get(), SIGIL_STAT_descrs_deferred);
    }
    return done;
}

/* The function is immortal, so nothing ever releases its closure tuple or
 * the cells in it: making the cells immortal too changes no lifetime (a
 * cell's contents are still released when the cell is assigned). Their
 * counts are rewritten with the world stopped, as in the other two
 * cases: other threads may be copying the same cells into their frames. */
void
sigil_closure_immortalize(PyFunctionObject *func)
{
    PyObject *closure = func->func_closure;
    PyInterpreterState *interp = _PyInterpreterState_GET();
    /* gc.immortalize moves to 1 once, with the world stopped (the first
     * thread's start); compile() moves it down and back with atomic adds.
     * Read relaxed: a stale value skips this call (the next call tries
     * again) or makes a stop that re-checks the function below. */
    if (closure == NULL || !PyTuple_Check(closure) ||
        _Py_atomic_load_int_relaxed(&interp->gc.immortalize) != 1) {
        return;
    }
    uint64_t count = 0;
    _PyEval_StopTheWorld(interp);
    if (_Py_IsImmortal((PyObject *)func)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(closure); i++) {
            PyObject *cell = PyTuple_GET_ITEM(closure, i);
            if (!_Py_IsImmortal(cell)) {
#ifdef Py_REF_DEBUG
                _Py_AddRefTotal(_PyThreadState_GET(), -Py_REFCNT(cell));
#endif
                _Py_SetImmortal(cell);
                count++;
            }
        }
    }
    _PyEval_StartTheWorld(interp);
    sigil_counter_add(sigil_tstate_get(), SIGIL_CTR_STAT(SIGIL_STAT_cells_immortalized), count);
}

/* -- Shared module values ------------------------------------------------- */

/* Sample one in this many of a thread's loads of mortal module values it
 * does not own. */
#define SHARED_SAMPLE 256

/* Bytes of module values this process has made immortal, and the most it
 * will. Read and written only with the world stopped (and only in the
 * main interpreter: the others never immortalize, gc.immortalize < 0), so
 * the stop orders every access. */
static size_t values_bytes;
#define VALUES_BUDGET ((size_t)16 << 20)

/* The memory `v` and the items sigil_consts would make immortal with it
 * hold (tuples of numbers nest only as deep as needs_immortal looks). */
static size_t
value_bytes(PyObject *v, int depth)
{
    size_t n = (size_t)Py_TYPE(v)->tp_basicsize;
    if (PyLong_CheckExact(v)) {
        /* an int's size is its digit count, not ob_size (3.12+) */
        n += sizeof(digit) * (size_t)_PyLong_DigitCount((PyLongObject *)v);
    }
    else if (PyUnicode_CheckExact(v)) {
        /* a compact str: its header, then the characters and a NUL */
        n = PyUnicode_IS_COMPACT_ASCII(v) ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject);
        n += (size_t)(PyUnicode_GET_LENGTH(v) + 1) * (size_t)PyUnicode_KIND(v);
    }
    else if (Py_TYPE(v)->tp_itemsize != 0) {
        n += (size_t)Py_TYPE(v)->tp_itemsize * (size_t)Py_SIZE(v);
    }
    if (PyTuple_CheckExact(v) && depth < MAX_DEPTH) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(v); i++) {
            PyObject *item = PyTuple_GET_ITEM(v, i);
            if (!_Py_IsImmortal(item)) {
                n += value_bytes(item, depth + 1);
            }
        }
    }
    return n;
}

/* A module value that threads other than its owner keep loading costs
 * each of them two atomic read-modify-writes of its shared count per load
 * (LOAD_GLOBAL's increment, the consumer's decrement), on a cache line
 * all of them bounce: a tuple of weights read by every thread, or a
 * float constant kept in a module. A quarter to a half of the samples of
 * a two-thread run of shared_global_read were that one load. The
 * constants of code are made immortal by CPython's rule (above); module
 * values are not constants, so Sigil makes immortal only those it sees
 * shared and long-lived:
 * - the SHARED kinds of needs_immortal_of (exact numbers, bytes and strs,
 *   exact tuples of them): no weak references and no finalizers, so
 *   Python code cannot tell when one would have died; only
 *   sys.getrefcount and the memory change;
 * - loaded by a thread that does not own it, at two of that thread's
 *   samples in a row (one in SHARED_SAMPLE such loads): a value rebound on
 *   every iteration is seldom seen twice, so it stays mortal;
 * - once threads exist (gc.immortalize 1, when CPython 3.13t makes
 *   functions and classes immortal for the same reason), and while the
 *   process has spent less than VALUES_BUDGET on it: a program that keeps
 *   rebinding long-lived tuples leaks at most that much.
 * The caller holds a reference to `v` (so the items can be read); the
 * counts are rewritten with the world stopped, as for constants. */
int
sigil_module_value_shared(PyObject *v)
{
    sigil_tstate *ts = sigil_tstate_get();
    if ((++ts->shared_tick & (SHARED_SAMPLE - 1)) != 0) {
        return 0;
    }
    if (!needs_immortal_of(v, 0, SHARED)) {
        return 0;
    }
    if (ts->shared_last != (const void *)v) {
        ts->shared_last = v;
        return 0;
    }
    ts->shared_last = NULL;
    PyInterpreterState *interp = _PyInterpreterState_GET();
    /* Relaxed, as in sigil_closure_immortalize: re-checked below. */
    if (_Py_atomic_load_int_relaxed(&interp->gc.immortalize) != 1) {
        return 0;
    }
    uint64_t count = 0;
    int over = 0;
    _PyEval_StopTheWorld(interp);
    if (interp->gc.immortalize == 1 && needs_immortal_of(v, 0, SHARED)) {
        size_t n = value_bytes(v, 0);
        if (values_bytes + n > VALUES_BUDGET) {
            over = 1;
        }
        else {
            values_bytes += n;
            make_immortal_of(v, 0, SHARED, &count);
        }
    }
    _PyEval_StartTheWorld(interp);
    sigil_stat_bump(ts, SIGIL_STAT_values_stops);
    sigil_counter_add(ts, SIGIL_CTR_STAT(SIGIL_STAT_values_immortalized), count);
    if (over) {
        sigil_stat_bump(ts, SIGIL_STAT_values_over_budget);
    }
    return 1;
}

/* -- Shared dicts ---------------------------------------------------------- */

/* Entry i of a combined table: its key and value (either may be NULL). */
static inline void
dict_entry(PyDictKeysObject *keys, Py_ssize_t i, PyObject **k, PyObject **v)
{
    if (DK_IS_UNICODE(keys)) {
        *k = DK_UNICODE_ENTRIES(keys)[i].me_key;
        *v = DK_UNICODE_ENTRIES(keys)[i].me_value;
    }
    else {
        *k = DK_ENTRIES(keys)[i].me_key;
        *v = DK_ENTRIES(keys)[i].me_value;
    }
}

/* The bytes the keys and values of `keys` that sigil_dict_immortalize
 * would change hold; with `made` non-NULL (world stopped), also makes them
 * immortal, counting the objects in *made. Entries must hold still: the
 * caller holds the dict's lock, or has stopped the world. */
static size_t
dict_walk(PyDictKeysObject *keys, uint64_t *made)
{
    size_t bytes = 0;
    for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
        PyObject *kv[2];
        dict_entry(keys, i, &kv[0], &kv[1]);
        for (int j = 0; j < 2; j++) {
            if (kv[j] != NULL && needs_immortal_of(kv[j], 0, SHARED)) {
                bytes += value_bytes(kv[j], 0);
                if (made != NULL) {
                    make_immortal_of(kv[j], 0, SHARED, made);
                }
            }
        }
    }
    return bytes;
}

/* A dict that threads other than its owner keep reading, and that nobody
 * changes, costs each lookup the same two atomic read-modify-writes as a
 * module value: on the stored key it compares (unless the key is the very
 * object looked up) and on the value it returns; on two threads reading a
 * 512-entry table, these were what remained once the lookups stopped
 * taking the dict's lock (sigil_dictshare.c). The dict itself stays
 * mortal; its keys and values of the SHARED kinds are made immortal, with
 * the world stopped, if the dict's version is still `version` (the one a
 * thread recorded at an earlier sample: nothing was stored, replaced or
 * deleted since) and the whole lot fits in what is left of the budget
 * module values share. Keys and values the dict drops later leak, as a
 * rebound module value does; the budget bounds that. Returns the objects
 * made immortal; sets *over if the budget refused them. */
uint64_t
sigil_dict_immortalize(PyObject *op, uint64_t version, Py_ssize_t max_entries, int *over)
{
    PyDictObject *mp = (PyDictObject *)op;
    PyInterpreterState *interp = _PyInterpreterState_GET();
    uint64_t count = 0;
    *over = 0;
    /* Relaxed, as in sigil_closure_immortalize: re-checked below. */
    if (_Py_atomic_load_int_relaxed(&interp->gc.immortalize) != 1) {
        return 0;
    }
    _PyEval_StopTheWorld(interp);
    /* With the world stopped no thread is inside the dict or a count
     * update: the dict's fields and entries are read plainly. */
    PyDictKeysObject *keys = mp->ma_keys;
    if (interp->gc.immortalize == 1 && mp->ma_version_tag == version && mp->ma_values == NULL &&
        keys->dk_nentries <= max_entries) {
        size_t bytes = dict_walk(keys, NULL);
        if (values_bytes + bytes > VALUES_BUDGET) {
            *over = 1;
        }
        else {
            values_bytes += bytes;
            dict_walk(keys, &count);
        }
    }
    _PyEval_StartTheWorld(interp);
    return count;
}

/* The caller holds the dict's lock (entries hold still, every stored key
 * and value is alive); the counts are read with relaxed loads
 * (_Py_IsImmortal), as any thread may. */
int
sigil_dict_has_mortal_values(PyObject *op)
{
    return dict_walk(((PyDictObject *)op)->ma_keys, NULL) > 0;
}
