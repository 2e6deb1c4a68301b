/* sigil_interp.c: Sigil's interpreter loop over the shared instruction words.
 *
 * One C activation of sigil_interp_run() runs a chain of Python frames:
 * Python-to-Python calls (CALL, CALL_KW, CALL_FUNCTION_EX on plain
 * functions) push the callee's frame and continue in the same loop, and a
 * return pops back to the caller, so deep Python recursion costs no C stack.
 *
 * The frame protocol is CPython 3.13's own, so that every other part of
 * CPython (tracebacks, sys._getframe, generators, the GC, fallback) sees
 * ordinary frames:
 *   - frame->instr_ptr points at the instruction being executed (set at
 *     every dispatch); a caller's instr_ptr stays on its CALL while the
 *     callee runs and frame->return_offset says where to resume;
 *   - the value stack lives in frame->localsplus after the locals; its top
 *     is saved in frame->stacktop whenever the frame is left;
 *   - py_recursion_remaining is charged once per frame, c_recursion_remaining
 *     once per C activation, exactly as the stock loop does, so
 *     RecursionError appears at the same depth;
 *   - an exception is looked up in co_exceptiontable at the offset of the
 *     last executed code unit (for a frame resumed with an error, the unit
 *     before instr_ptr), as the stock loop does.
 *
 * Fallback: a frame can be handed to _PyEval_EvalFrameDefault at any
 * instruction boundary (hand_to_stock): instr_ptr and the stack pointer are
 * synced, the frame is unlinked (the stock loop links it again), and the
 * stock loop runs it to its end; its result then flows back into this loop
 * as if a call had returned. Every fallback is counted by reason.
 *
 * Two loops: this file is compiled twice, into sigil_interp_run (no
 * per-execution counting: every sigil_counting() test folds away, about 3%
 * of the instructions of form-heavy workloads) and, through
 * sigil_interp_counting.c, sigil_interp_run_counting (every test true). The
 * frame hook picks the copy by sigil.count_executions' flag at each
 * activation, and a copy whose answer no longer matches the flag runs a
 * callee through the other copy (enter_callee), so a switch takes effect
 * in the frames entered after it; a frame already running keeps its copy.
 *
 * Glossary: pc = the current instruction's first code unit in CPython's
 * bytecode (PCI: its index, which is also its word's); NEXT_UNIT = the unit
 * after it and its inline caches; a jump by OPARG is relative to NEXT_UNIT, as
 * in CPython.
 */
#ifndef SIGIL_LOOP_COUNTING
#define SIGIL_LOOP_COUNTING 0
#endif
#if SIGIL_LOOP_COUNTING
#define SIGIL_LOOP_RUN sigil_interp_run_counting
#define SIGIL_OTHER_LOOP_RUN sigil_interp_run
#else
#define SIGIL_LOOP_RUN sigil_interp_run
#define SIGIL_OTHER_LOOP_RUN sigil_interp_run_counting
#endif
#include "sigil_consts.h"
#include "sigil_interp.h"
#include "sigil_spec.h"
#include "sigil_uop.h"

#include <string.h>

/* Error texts are part of Python's behaviour: they match CPython's. */
#define MSG_NAME_ERROR "name '%.200s' is not defined"
#define MSG_UNBOUND_LOCAL "cannot access local variable '%s' where it is not associated with a value"

/* Py_NewRef, always inlined. The loop is far past GCC's inlining budget,
 * and its heuristics, which weigh the whole function, then leave
 * _Py_NewRef a call of its own (measured: LOAD_FAST paid a call per
 * execution once the borrowed copies below were added); the stack
 * handlers that count a reference per execution use this instead. */
static inline __attribute__((always_inline)) PyObject *
new_ref(PyObject *o)
{
    Py_INCREF(o);
    return o;
}

/* C stack units one activation charges (CPython charges the same). */
#define C_STACK_UNITS 2

/* -- Helpers with CPython's semantics ------------------------------------ */

/* One varint of an exception table at *p, advancing *p past it: six data
 * bits per byte, bit 6 meaning "more" (bit 7 flags an entry's first byte
 * and is not data). */
static int
read_varint(const unsigned char **p)
{
    const unsigned char *q = *p;
    int val = *q & 63;
    while (*q & 64) {
        q++;
        val = (val << 6) | (*q & 63);
    }
    *p = q + 1;
    return val;
}

/* Tables longer than this are narrowed by bisection before the scan. */
#define EXC_TABLE_LINEAR_MAX 40

/* The last entry of the table [p, end) that starts at or before `offset`
 * (or `p`), found by bisection on entry starts (entries are sorted by
 * start), as the stock loop's get_exception_handler narrows a long table.
 * Out of line and only for long tables: find_handler is inlined into the
 * loop's one unwinding site, whose code (and so the loop's layout) stays
 * as it was. */
static __attribute__((noinline)) const unsigned char *
exc_table_bisect(const unsigned char *p, const unsigned char *end, int offset)
{
    const unsigned char *lo = p, *hi = end;
    while (hi - lo > EXC_TABLE_LINEAR_MAX) {
        const unsigned char *mid = lo + ((hi - lo) >> 1);
        while (mid > lo && !(*mid & 128)) {
            mid--;
        }
        if (mid == lo) {
            break;   /* no entry starts in the first half: scan from lo */
        }
        const unsigned char *q = mid;
        if (read_varint(&q) > offset) {
            hi = mid;
        }
        else {
            lo = mid;
        }
    }
    return lo;
}

/* Find the handler covering code unit `offset` in the exception table.
 * Entries are varint-encoded (start, length, target, depth<<1|lasti),
 * sorted by start, the first byte of each flagged with bit 7. Returns 1
 * and fills the outs, or 0 if none. */
static int
find_handler(PyCodeObject *co, int offset, int *level, int *handler, int *lasti)
{
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(co->co_exceptiontable);
    const unsigned char *end = p + PyBytes_GET_SIZE(co->co_exceptiontable);
    if (end - p > EXC_TABLE_LINEAR_MAX) {
        p = exc_table_bisect(p, end, offset);
    }
    while (p < end) {
        int start = read_varint(&p);
        int size = read_varint(&p);
        int target = read_varint(&p);
        int dl = read_varint(&p);
        if (offset < start) {
            return 0;   /* entries are sorted by start */
        }
        if (offset < start + size) {
            *handler = target;
            *level = dl >> 1;
            *lasti = dl & 1;
            return 1;
        }
    }
    return 0;
}

/* RAISE_VARARGS: set the exception for `raise`, `raise exc`, `raise exc
 * from cause`. Consumes exc and cause. Returns 1 for a bare re-raise (the
 * caller unwinds without a new traceback entry), else 0 with an error set. */
static int
raise_exception(PyThreadState *tstate, PyObject *exc, PyObject *cause)
{
    if (exc == NULL) {
        _PyErr_StackItem *info = _PyErr_GetTopmostException(tstate);
        PyObject *active = info->exc_value;
        if (active == NULL || Py_IsNone(active)) {
            _PyErr_SetString(tstate, PyExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        _PyErr_SetRaisedException(tstate, Py_NewRef(active));
        return 1;
    }
    PyObject *type = NULL, *value = NULL;
    if (PyExceptionClass_Check(exc)) {
        type = exc;   /* owns the reference we were given */
        value = PyObject_CallNoArgs(exc);
        if (value == NULL) {
            goto fail;
        }
        if (!PyExceptionInstance_Check(value)) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %R",
                          type, Py_TYPE(value));
            goto fail;
        }
    }
    else if (PyExceptionInstance_Check(exc)) {
        value = exc;
        type = Py_NewRef(PyExceptionInstance_Class(exc));
    }
    else {
        Py_DECREF(exc);
        _PyErr_SetString(tstate, PyExc_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause != NULL) {
        PyObject *fixed;
        if (PyExceptionClass_Check(cause)) {
            fixed = PyObject_CallNoArgs(cause);
            if (fixed == NULL) {
                goto fail;
            }
            if (!PyExceptionInstance_Check(fixed)) {
                _PyErr_Format(tstate, PyExc_TypeError,
                              "calling %R should have returned an instance of BaseException, not %R",
                              cause, Py_TYPE(fixed));
                Py_DECREF(fixed);
                goto fail;
            }
            Py_DECREF(cause);
        }
        else if (PyExceptionInstance_Check(cause)) {
            fixed = cause;
        }
        else if (Py_IsNone(cause)) {
            Py_DECREF(cause);
            fixed = NULL;
        }
        else {
            _PyErr_SetString(tstate, PyExc_TypeError, "exception causes must derive from BaseException");
            goto fail;
        }
        cause = NULL;
        PyException_SetCause(value, fixed);
    }
    _PyErr_SetObject(tstate, type, value);
    Py_DECREF(value);
    Py_DECREF(type);
    return 0;
fail:
    Py_XDECREF(value);
    Py_XDECREF(type);
    Py_XDECREF(cause);
    return 0;
}

/* IMPORT_NAME: call __import__ from the frame's builtins. */
static PyObject *
import_name(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name,
            PyObject *fromlist, PyObject *level)
{
    PyObject *import_func;
    if (PyMapping_GetOptionalItem(frame->f_builtins, &_Py_ID(__import__), &import_func) < 0) {
        return NULL;
    }
    if (import_func == NULL) {
        _PyErr_SetString(tstate, PyExc_ImportError, "__import__ not found");
        return NULL;
    }
    PyObject *locals = frame->f_locals != NULL ? frame->f_locals : Py_None;
    if (_PyImport_IsDefaultImportFunc(tstate->interp, import_func)) {
        Py_DECREF(import_func);
        int ilevel = PyLong_AsInt(level);
        if (ilevel == -1 && _PyErr_Occurred(tstate)) {
            return NULL;
        }
        return PyImport_ImportModuleLevelObject(name, frame->f_globals, locals, fromlist, ilevel);
    }
    PyObject *args[5] = {name, frame->f_globals, locals, fromlist, level};
    PyObject *res = PyObject_Vectorcall(import_func, args, 5, NULL);
    Py_DECREF(import_func);
    return res;
}

/* The ImportError of a failed `from module import name`, worded as CPython
 * words it (circular import, shadowed stdlib module, unknown location). */
static void
import_from_error(PyThreadState *tstate, PyObject *v, PyObject *name, PyObject *mod_name)
{
    PyObject *shown = mod_name != NULL ? Py_NewRef(mod_name)
                                       : PyUnicode_FromString("<unknown module name>");
    if (shown == NULL) {
        return;
    }
    PyObject *spec = NULL, *origin = NULL, *msg = NULL;
    if (PyObject_GetOptionalAttr(v, &_Py_ID(__spec__), &spec) < 0) {
        goto done;
    }
    if (spec == NULL) {
        msg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name, shown);
        goto emit;
    }
    if (_PyModuleSpec_GetFileOrigin(spec, &origin) < 0) {
        goto done;
    }
    int shadowing = _PyModule_IsPossiblyShadowing(origin);
    if (shadowing < 0) {
        goto done;
    }
    int shadowing_stdlib = 0;
    if (shadowing) {
        PyObject *stdlib;
        if (_PySys_GetOptionalAttrString("stdlib_module_names", &stdlib) < 0) {
            goto done;
        }
        if (stdlib != NULL && PyAnySet_Check(stdlib)) {
            shadowing_stdlib = PySet_Contains(stdlib, shown);
            if (shadowing_stdlib < 0) {
                Py_DECREF(stdlib);
                goto done;
            }
        }
        Py_XDECREF(stdlib);
    }
    if (origin == NULL && PyModule_Check(v)) {
        origin = PyModule_GetFilenameObject(v);
        if (origin == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_SystemError)) {
                goto done;
            }
            _PyErr_Clear(tstate);
        }
    }
    if (shadowing_stdlib) {
        msg = PyUnicode_FromFormat(
            "cannot import name %R from %R (consider renaming %R since it has the same name as "
            "the standard library module named %R and prevents importing that standard library "
            "module)", name, shown, origin, shown);
    }
    else {
        int init = _PyModuleSpec_IsInitializing(spec);
        if (init < 0) {
            goto done;
        }
        if (init > 0 && shadowing) {
            msg = PyUnicode_FromFormat(
                "cannot import name %R from %R (consider renaming %R if it has the same name as a "
                "library you intended to import)", name, shown, origin);
        }
        else if (init > 0 && origin != NULL) {
            msg = PyUnicode_FromFormat(
                "cannot import name %R from partially initialized module %R (most likely due to a "
                "circular import) (%S)", name, shown, origin);
        }
        else if (init > 0) {
            msg = PyUnicode_FromFormat(
                "cannot import name %R from partially initialized module %R (most likely due to a "
                "circular import)", name, shown);
        }
        else if (origin != NULL) {
            msg = PyUnicode_FromFormat("cannot import name %R from %R (%S)", name, shown, origin);
        }
        else {
            msg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name,
                                       shown);
        }
    }
emit:
    if (msg != NULL) {
        _PyErr_SetImportErrorWithNameFrom(msg, mod_name, origin, name);
        Py_DECREF(msg);
    }
done:
    Py_XDECREF(origin);
    Py_XDECREF(spec);
    Py_DECREF(shown);
}

/* IMPORT_FROM: getattr, then sys.modules for a circular relative import. */
static PyObject *
import_from(PyThreadState *tstate, PyObject *v, PyObject *name)
{
    PyObject *x;
    if (PyObject_GetOptionalAttr(v, name, &x) != 0) {
        return x;
    }
    PyObject *mod_name;
    if (PyObject_GetOptionalAttr(v, &_Py_ID(__name__), &mod_name) < 0) {
        return NULL;
    }
    if (mod_name == NULL || !PyUnicode_Check(mod_name)) {
        Py_CLEAR(mod_name);
        import_from_error(tstate, v, name, NULL);
        return NULL;
    }
    PyObject *full = PyUnicode_FromFormat("%U.%U", mod_name, name);
    if (full == NULL) {
        Py_DECREF(mod_name);
        return NULL;
    }
    x = PyImport_GetModule(full);
    Py_DECREF(full);
    if (x == NULL && !_PyErr_Occurred(tstate)) {
        import_from_error(tstate, v, name, mod_name);
    }
    Py_DECREF(mod_name);
    return x;
}

/* CALL_FUNCTION_EX: the TypeError for `f(*x)` with a non-iterable x. */
static int
check_star_args(PyThreadState *tstate, PyObject *func, PyObject *args)
{
    if (Py_TYPE(args)->tp_iter == NULL && !PySequence_Check(args)) {
        _PyErr_Clear(tstate);
        PyObject *fs = _PyObject_FunctionStr(func);
        if (fs != NULL) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "%U argument after * must be an iterable, not %.200s", fs,
                          Py_TYPE(args)->tp_name);
            Py_DECREF(fs);
        }
        return -1;
    }
    return 0;
}

/* Push a frame for func(*callargs, **kwargs); steals func, locals,
 * callargs and kwargs. NULL with an error set on failure. */
static _PyInterpreterFrame *
push_frame_ex(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
              PyObject *callargs, PyObject *kwargs)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(callargs);
    int has_kw = kwargs != NULL && PyDict_GET_SIZE(kwargs) > 0;
    PyObject *kwnames = NULL;
    PyObject *const *args;
    if (has_kw) {
        args = _PyStack_UnpackDict(tstate, _PyTuple_ITEMS(callargs), nargs, kwargs, &kwnames);
        if (args == NULL) {
            Py_DECREF(func);
            Py_XDECREF(locals);
            Py_DECREF(callargs);
            Py_XDECREF(kwargs);
            return NULL;
        }
    }
    else {
        args = _PyTuple_ITEMS(callargs);
        for (Py_ssize_t i = 0; i < nargs; i++) {
            Py_INCREF(args[i]);   /* the new frame takes these references */
        }
    }
    _PyInterpreterFrame *f = _PyEvalFramePushAndInit(tstate, func, locals, args, nargs, kwnames);
    if (has_kw) {
        _PyStack_UnpackDict_FreeNoDecRef(args, kwnames);
    }
    Py_DECREF(callargs);
    Py_XDECREF(kwargs);
    return f;
}

/* Can a call to `callable` push a frame in this loop (a plain function
 * using the standard vectorcall)? */
static inline int
inlinable_function(PyObject *callable)
{
    return Py_TYPE(callable) == &PyFunction_Type &&
           ((PyFunctionObject *)callable)->vectorcall == _PyFunction_Vectorcall;
}

/* co_flags of a function's current code. `__code__` may be reassigned by
 * another thread (CPython writes func_code without atomics), so Sigil reads
 * the pointer with an atomic load; code objects are freed only by the GC
 * (deferred reference counting), so the one we read stays valid. */
static inline int
function_code_flags(PyObject *func)
{
    PyCodeObject *code = _Py_atomic_load_ptr_relaxed(&((PyFunctionObject *)func)->func_code);
    return code->co_flags;
}

/* -- Frames the loop cannot run ----------------------------------------- */

/* Is any of the n (8 <= n <= 16) bytes at p non-zero? Two overlapping
 * 8-byte loads instead of a byte loop: this runs at every frame start. */
static inline int
any_byte_set(const uint8_t *p, size_t n)
{
    uint64_t a, b;
    memcpy(&a, p, 8);
    memcpy(&b, p + n - 8, 8);
    return (a | b) != 0;
}

/* Is a sys.monitoring event active for a code with monitoring data `mon`
 * (may be NULL): one of its local events, or any global one? The event
 * sets are written with the world stopped (see dispatch). */
static inline int
monitoring_events_on(PyThreadState *tstate, _PyCoMonitoringData *mon)
{
    return (mon != NULL && any_byte_set(mon->active_monitors.tools, _PY_MONITORING_LOCAL_EVENTS)) ||
           any_byte_set(tstate->interp->monitors.tools, _PY_MONITORING_UNGROUPED_EVENTS);
}

#if !SIGIL_LOOP_COUNTING   /* once, in the first copy */
int
sigil_interp_needs_stock(PyThreadState *tstate, PyCodeObject *co)
{
    if (tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL) {
        return SIGIL_FB_traced;
    }
    /* Instrumentation state is versioned: a code object whose version lags
     * the interpreter's must be re-instrumented by the stock RESUME before
     * anything runs. */
    uintptr_t global_version =
        _Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker) & ~_PY_EVAL_EVENTS_MASK;
    uintptr_t code_version = _Py_atomic_load_uintptr_acquire(&co->_co_instrumentation_version);
    if (code_version != global_version) {
        return SIGIL_FB_instrumentation_sync;
    }
    if (monitoring_events_on(tstate, co->_co_monitoring)) {
        return SIGIL_FB_instrumented;
    }
    return -1;
}
#endif

/* A cell's content as a new reference (NULL if empty), read without the
 * cell's critical section when possible: the read CPython's own list and
 * dict readers make (_Py_TryXGetRef: load, try to increment, check the
 * cell still holds that object; an object being freed refuses the
 * increment, and a block reused meanwhile fails the check and is
 * released). Linearizable at the check. Writers keep swapping under the
 * cell's lock (cell_swap here, a critical section in the stock loop), as
 * the stock loop's locked readers need. Stock 3.13t takes that section
 * for every LOAD_DEREF: two compare-and-swaps, measured at over a
 * quarter of a closure-heavy workload's time. */
static inline PyObject *
cell_get_ref(PyCellObject *cell)
{
    PyObject *v = _Py_TryXGetRef(&cell->ob_ref);
    return v != NULL ? v : PyCell_GetRef(cell);
}

/* Put `v` (a reference the cell takes; NULL empties it) into `cell` and
 * return the old content (a reference the caller drops, after this
 * returns: its finalizer may touch the cell). The swap runs under the
 * cell's lock, as PyCell_SwapTakeRef's critical section takes it: the
 * stock loop's and C code's readers count the content under that lock,
 * so the old value may be dropped only once it is out of the cell. Here
 * the lock is taken without waiting and without entering a critical
 * section (nothing runs while it is held: the two CAS remain, the
 * section's bookkeeping goes); a busy lock waits in PyCell_SwapTakeRef.
 * The content is stored with release, for cell_get_ref's lock-free
 * readers, which CPython's plain store does not order. */
static inline PyObject *
cell_swap(PyCellObject *cell, PyObject *v)
{
    if (!PyMutex_LockFast(&cell->ob_base.ob_mutex._bits)) {
        return PyCell_SwapTakeRef(cell, v);
    }
    PyObject *old = cell->ob_ref;
    _Py_atomic_store_ptr_release(&cell->ob_ref, v);
    PyMutex_Unlock(&cell->ob_base.ob_mutex);
    return old;
}

/* The loop's per-frame view of code `c` with table `t`. */
static inline void
bind_code(PyCodeObject *c, sigil_code *t, PyCodeObject **co, sigil_code **sc,
          _Py_CODEUNIT **code0, uintptr_t *wbias)
{
    *co = c;
    *sc = t;
    *code0 = _PyCode_CODE(c);
    *wbias = sigil_code_word_bias(t, *code0);
}

/* Point co/sc/code0 at `frame`'s code, and wbias at the word bias of that
 * table and bytecode (sigil_code_word_at). `known` is the code's table
 * when the call that pushed the frame had it (a Python call form's
 * record), else NULL. 0 if the frame must run on the stock loop
 * (ctx->load_reason says why); a pending exception is preserved. */
static inline int
load_frame(sigil_interp_ctx *ctx, PyThreadState *tstate, _PyInterpreterFrame *frame,
           sigil_code *known, PyCodeObject **co, sigil_code **sc, _Py_CODEUNIT **code0,
           uintptr_t *wbias)
{
    PyCodeObject *c = _PyFrame_GetCode(frame);
    sigil_code *t;
    /* The entry frame's check was made by the caller (sigil_eval_frame)
     * an instant ago, on this thread, with nothing run in between; an
     * inline callee's instrumentation is checked by its first dispatch
     * and its RESUME (enter_callee), leaving the tracing test. */
    int reason = -1;
    if (ctx->entry_checked == SIGIL_CHECKED_NONE) {
        reason = sigil_interp_needs_stock(tstate, c);
    }
    else if (ctx->entry_checked == SIGIL_CHECKED_INLINE &&
             (tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL)) {
        reason = SIGIL_FB_traced;
    }
    ctx->entry_checked = SIGIL_CHECKED_NONE;
    if (reason >= 0) {
        if (c == SIGIL_INIT_SHIM_CODE) {
            goto init_shim;
        }
        ctx->load_reason = reason;
        return 0;
    }
    if (known != NULL) {
        /* The record's table is the code's own: the record was made for
         * this code, and a table, once attached, is the code's for life. */
        assert(known->co == c && known == sigil_code_get_fast(c, ctx->extra_index));
        t = known;
        goto loaded;
    }
    t = sigil_code_get_fast(c, ctx->extra_index);
    if (t == NULL) {
        if (c == SIGIL_INIT_SHIM_CODE) {
            /* The frame CALL_ALLOC_AND_ENTER_INIT put under __init__'s: it
             * has no co_extra, its table is the process's. No events ever
             * fire in it (CO_NO_MONITORING_EVENTS, and it is an incomplete
             * frame to tracers), so it runs here in any state. Tested only
             * where a plain frame leaves the fast path anyway. */
        init_shim:
            t = sigil_init_shim_table;
            goto loaded;
        }
        /* First run of this code: build its table, keeping any exception
         * that is in flight (a frame resumed with an error). */
        PyObject *pending = _PyErr_GetRaisedException(tstate);
        t = sigil_code_get_slow(c, ctx->extra_index);
        if (t == NULL) {
            PyErr_Clear();
        }
        _PyErr_SetRaisedException(tstate, pending);
        if (t == NULL) {
            ctx->load_reason = SIGIL_FB_no_code_table;
            return 0;
        }
    }
loaded:
    bind_code(c, t, co, sc, code0, wbias);
    return 1;
}

/* A returning frame's clearing and pop, as _PyEval_FrameClearAndPop does
 * it for a frame the thread owns, in one call: its locals and stack slots
 * are dropped by sigil_drop (a dying float or int straight to its free list),
 * then its locals dict, function and code, and the data-stack top is
 * reset. A frame with a frame object (which may take the frame's
 * contents) or at the base of a data-stack chunk takes CPython's path.
 * The caller has unlinked the frame (tstate->current_frame is its
 * caller), so finalizers run by the drops never see it. Inline in the
 * loop's one return path: as a call it cost a call, a return and six
 * register saves and restores per return (callgrind, scale 1 minus 0.34,
 * alignment no-ops apart: deltablue -2.4%, richards -2.2%, raytrace
 * -2.1% instructions inline). */
static inline __attribute__((always_inline)) void
pop_returned_frame(PyThreadState *tstate, _PyInterpreterFrame *dying)
{
    PyObject **base = (PyObject **)dying;
    if (dying->owner != FRAME_OWNED_BY_THREAD || dying->frame_obj != NULL ||
        base == &tstate->datastack_chunk->data[0]) {
        _PyEval_FrameClearAndPop(tstate, dying);
        return;
    }
    /* the frame is the data stack's top one */
    assert(base + _PyFrame_GetCode(dying)->co_framesize == tstate->datastack_top);
    /* clear_thread_frame counts the clearing as one C level */
    tstate->c_recursion_remaining--;
    int n = dying->stacktop;
    dying->stacktop = 0;
    for (int i = 0; i < n; i++) {
        PyObject *o = dying->localsplus[i];
        if (o != NULL) {
            sigil_drop(o);
        }
    }
    Py_CLEAR(dying->f_locals);
    Py_DECREF(dying->f_funcobj);
    Py_DECREF(dying->f_executable);
    tstate->c_recursion_remaining++;
    tstate->datastack_top = base;
}

/* The inline cache entries after each family's instruction (CPython 3.13's
 * layout; CALL_KW has none), which every word of the family carries in
 * its NCACHE bits: a form's handler knows its next instruction without
 * decoding them. ORDER FAMILY. */
static const uint8_t family_ncache[SIGIL_FAM__MAX] = {
    [SIGIL_FAM_BINARY_OP] = INLINE_CACHE_ENTRIES_BINARY_OP,
    [SIGIL_FAM_COMPARE_OP] = INLINE_CACHE_ENTRIES_COMPARE_OP,
    [SIGIL_FAM_TO_BOOL] = INLINE_CACHE_ENTRIES_TO_BOOL,
    [SIGIL_FAM_LOAD_GLOBAL] = INLINE_CACHE_ENTRIES_LOAD_GLOBAL,
    [SIGIL_FAM_LOAD_ATTR] = INLINE_CACHE_ENTRIES_LOAD_ATTR,
    [SIGIL_FAM_CALL] = INLINE_CACHE_ENTRIES_CALL,
    [SIGIL_FAM_FOR_ITER] = INLINE_CACHE_ENTRIES_FOR_ITER,
    [SIGIL_FAM_BINARY_SUBSCR] = INLINE_CACHE_ENTRIES_BINARY_SUBSCR,
    [SIGIL_FAM_STORE_ATTR] = INLINE_CACHE_ENTRIES_STORE_ATTR,
    [SIGIL_FAM_UNPACK_SEQUENCE] = INLINE_CACHE_ENTRIES_UNPACK_SEQUENCE,
    [SIGIL_FAM_CONTAINS_OP] = INLINE_CACHE_ENTRIES_CONTAINS_OP,
    [SIGIL_FAM_STORE_SUBSCR] = INLINE_CACHE_ENTRIES_STORE_SUBSCR,
    [SIGIL_FAM_LOAD_SUPER_ATTR] = INLINE_CACHE_ENTRIES_LOAD_SUPER_ATTR,
    [SIGIL_FAM_SEND] = INLINE_CACHE_ENTRIES_SEND,
    [SIGIL_FAM_CALL_KW] = 0,
};
_Static_assert(SIGIL_FAM__MAX == 15, "family_ncache names every family");

/* The SIGIL_OPERANDDEF forms ("Borrowed operands"), for their counter. */
static const unsigned char form_operand[SIGIL_FORM__MAX] = {
#define SIGIL_OPERANDDEF(form) [SIGIL_FORM_##form] = 1,
#include "sigil_spec.def"
#undef SIGIL_OPERANDDEF
};

/* Forms that, when they complete, have run no code but their own and
 * passed no safe point (see dispatch_pure): they allocate and drop only
 * ints, floats, strs, bools and range iterators, whose deallocation runs
 * nothing, and a tuple whose items all survive it (an unpacked tuple's
 * items now have the stack's references); a list or tuple iterator's
 * step takes an item's reference and drops nothing, and its exhaustion,
 * which drops the iterator (and maybe the sequence), clears env.quiet.
 * The attribute forms below read with guards and try-increments, take an
 * object's lock only if it is free (a store), and release the owner they
 * consumed or the value a store replaced through sigil_drop, clearing
 * env.quiet when that release may have run code (sigil_uop_release); a
 * module attribute's sampled shared-value
 * report clears it when it stopped the world. A miss leaves through the
 * generic instruction, which does not count as pure. */
static const unsigned char form_pure[SIGIL_FORM__MAX] = {
    [SIGIL_FORM_BINARY_OP_ADD_INT] = 1,
    [SIGIL_FORM_BINARY_OP_SUBTRACT_INT] = 1,
    [SIGIL_FORM_BINARY_OP_MULTIPLY_INT] = 1,
    [SIGIL_FORM_BINARY_OP_INT64] = 1,
    [SIGIL_FORM_BINARY_OP_ADD_FLOAT] = 1,
    [SIGIL_FORM_BINARY_OP_SUBTRACT_FLOAT] = 1,
    [SIGIL_FORM_BINARY_OP_MULTIPLY_FLOAT] = 1,
    [SIGIL_FORM_BINARY_OP_FLOAT_ARITH] = 1,
    [SIGIL_FORM_BINARY_OP_NUMERIC] = 1,
    [SIGIL_FORM_BINARY_OP_ADD_UNICODE] = 1,
    [SIGIL_FORM_BINARY_OP_INPLACE_ADD_UNICODE] = 1,
    [SIGIL_FORM_COMPARE_OP_INT] = 1,
    [SIGIL_FORM_COMPARE_OP_FLOAT] = 1,
    [SIGIL_FORM_COMPARE_OP_NUMERIC] = 1,
    [SIGIL_FORM_COMPARE_OP_STR] = 1,
    [SIGIL_FORM_TO_BOOL_INT] = 1,
    [SIGIL_FORM_TO_BOOL_BOOL] = 1,
    [SIGIL_FORM_TO_BOOL_NONE] = 1,
    [SIGIL_FORM_TO_BOOL_STR] = 1,
    [SIGIL_FORM_LOAD_GLOBAL_MODULE] = 1,
    [SIGIL_FORM_LOAD_GLOBAL_MODULE_KEYS] = 1,
    [SIGIL_FORM_LOAD_GLOBAL_BUILTIN] = 1,
    [SIGIL_FORM_LOAD_GLOBAL_BUILTIN_KEYED] = 1,
    [SIGIL_FORM_FOR_ITER_RANGE] = 1,
    [SIGIL_FORM_FOR_ITER_LIST] = 1,    /* until exhausted: env.quiet */
    [SIGIL_FORM_FOR_ITER_TUPLE] = 1,
    [SIGIL_FORM_UNPACK_SEQUENCE_TWO_TUPLE] = 1,
    [SIGIL_FORM_UNPACK_SEQUENCE_TUPLE] = 1,
    [SIGIL_FORM_LOAD_ATTR_INSTANCE_VALUE] = 1,
    [SIGIL_FORM_LOAD_ATTR_MODULE] = 1,
    [SIGIL_FORM_LOAD_ATTR_SLOT] = 1,
    [SIGIL_FORM_LOAD_ATTR_CLASS] = 1,
    [SIGIL_FORM_LOAD_ATTR_CLASS_WITH_METACLASS_CHECK] = 1,
    [SIGIL_FORM_LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES] = 1,
    [SIGIL_FORM_LOAD_ATTR_NONDESCRIPTOR_NO_DICT] = 1,
    [SIGIL_FORM_LOAD_ATTR_METHOD_WITH_VALUES] = 1,
    [SIGIL_FORM_LOAD_ATTR_METHOD_NO_DICT] = 1,
    [SIGIL_FORM_LOAD_ATTR_METHOD_LAZY_DICT] = 1,
    [SIGIL_FORM_STORE_ATTR_INSTANCE_VALUE] = 1,
    [SIGIL_FORM_STORE_ATTR_SLOT] = 1,
};

/* The borrowed copies of forms ("Borrowed owners", "Borrowed operands"
 * below) complete pure in more cases than their ordinary copies, which
 * release the owner or operands they consumed (a last reference may run a
 * finalizer): an attribute load on a borrowed owner releases nothing (its
 * steps are guards, loads into env->tmp, and a push that leaves a borrowed
 * owner alone; tests/unit/test_uops.c holds every SIGIL_BORROWDEF form of
 * the LOAD_ATTR family to steps without a mutation), and an operand form
 * with both operands borrowed releases neither. The stores are not: they
 * release the old value. Indexed by constants, so each copy's test folds
 * away. */
static const unsigned char bform_owner_pure[SIGIL_FORM__MAX] = {
#define SIGIL_BORROWDEF(form) [SIGIL_FORM_##form] = (int)SIGIL_FORM_FAMILY_##form == (int)SIGIL_FAM_LOAD_ATTR,
#include "sigil_spec.def"
#undef SIGIL_BORROWDEF
};

/* The opcode of `w`, for indexing a dispatch table: SIGIL_W_OP, but made
 * where the compiler cannot see it is the same value handlers compute
 * from the word, so it does not keep a second copy of it in a register
 * across every handler (GCC did: one more instruction per dispatch). */
static inline __attribute__((always_inline)) uint64_t
dispatch_op(sigil_word w)
{
#if defined(__GNUC__) && defined(__x86_64__)
    uint64_t op;   /* a 32-bit write clears the upper half */
    __asm__("movzbl %b1, %k0" : "=r"(op) : "r"(w));
    return op;
#else
    return (uint64_t)SIGIL_W_OP(w);
#endif
}

/* -- The loop ---------------------------------------------------------------- */

/* The running instruction's oparg and the code unit after it and its
 * inline caches, both read from `word` where a handler needs them: kept
 * out of the dispatch sequence, they leave the loop's live registers to
 * pc, word and the frame (spilled, they cost the dispatch 8 instructions
 * of 20). A form's handler (record word) reads its record's oparg. */
#define OPARG SIGIL_W_ARG(word)
#define NEXT_UNIT (pc + 1 + SIGIL_W_NCACHE(word))
#define GETLOCAL(i) (frame->localsplus[(i)])
/* The old value goes through sigil_drop: a dead int or float to its free
 * list (the caller then dispatches as after any drop that may run code). */
#define SETLOCAL(i, v)                 \
    do {                               \
        PyObject *old_ = GETLOCAL(i);  \
        GETLOCAL(i) = (v);             \
        if (old_ != NULL) {            \
            (void)sigil_drop(old_);    \
        }                              \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
#define NAME(i) PyTuple_GET_ITEM(co->co_names, (i))
#define CONST(i) PyTuple_GET_ITEM(co->co_consts, (i))
#define PCI ((Py_ssize_t)(pc - code0))
/* The monitoring check of `dispatch` (see there), written into every
 * handler's exit rather than reached by a jump: GCC then copies the
 * dispatch sequence after it into each exit as well (see "The instruction
 * stream" in docs/interpreter.md), so every handler ends in an indirect
 * jump of its own that the branch predictor tells apart from the others. */
#define GOTO_MONITORED_IF_WATCHED()                                                   \
    do {                                                                              \
        if (__builtin_expect(_Py_atomic_load_ptr_relaxed(&co->_co_monitoring) != NULL, 0)) { \
            goto monitored;                                                           \
        }                                                                             \
    } while (0)
#define NEXT() JUMP_TO(NEXT_UNIT)
#define JUMP_TO(target)                  \
    do {                                 \
        pc = (target);                   \
        GOTO_MONITORED_IF_WATCHED();     \
        goto dispatch_pure;              \
    } while (0)
/* The next instruction after one that cannot have let instrumentation in
 * (see dispatch_pure): it skips the monitoring check. */
#define NEXT_PURE() do { pc = NEXT_UNIT; goto dispatch_pure; } while (0)
/* Drop `o` (may be NULL) and go on to `to`: as NEXT_PURE unless the drop
 * may have run code (sigil_drop: a last reference other than a float's,
 * whose finalizer may run). */
#define DROP_AND_JUMP(o, to)                                  \
    do {                                                      \
        PyObject *dropped_ = (o);                             \
        if (dropped_ == NULL || sigil_drop(dropped_)) {       \
            JUMP_TO_PURE(to);                                 \
        }                                                     \
        JUMP_TO(to);                                          \
    } while (0)
#define NEXT_AFTER_DROP(o) DROP_AND_JUMP(o, NEXT_UNIT)
/* The same three in the handlers of opcodes without inline caches (every
 * one but the 19 families CPython specializes): the next unit is pc + 1,
 * which saves decoding the cache count from the word. */
#define NEXT_NC() do { assert(SIGIL_W_NCACHE(word) == 0); JUMP_TO(pc + 1); } while (0)
#define NEXT_PURE_NC() do { assert(SIGIL_W_NCACHE(word) == 0); JUMP_TO_PURE(pc + 1); } while (0)
#define NEXT_AFTER_DROP_NC(o)                \
    do {                                     \
        assert(SIGIL_W_NCACHE(word) == 0);   \
        DROP_AND_JUMP(o, pc + 1);            \
    } while (0)
#define JUMP_TO_PURE(target) do { pc = (target); goto dispatch_pure; } while (0)
/* Unwind an exception raised by this instruction, without a traceback entry
 * (the stock loop's `goto exception_unwind`). */
#define UNWIND_HERE()                            \
    do {                                         \
        unwind_at = pc + SIGIL_W_NCACHE(word);   \
        goto exception_unwind;                   \
    } while (0)
#define ERROR_POP(n) do { sp -= (n); goto error; } while (0)
/* eval.instructions_sigil is counted where SIGIL_COUNTS_INSTRUCTIONS
 * (sigil_python.h): in release the count cost one read-modify-write of a
 * spilled local per instruction, 1.3-1.9% of all instructions executed
 * (callgrind, nbody, richards, float). */
#if SIGIL_COUNTS_INSTRUCTIONS
#define COUNT_INSTRUCTION() (ninstr++)
#else
#define COUNT_INSTRUCTION() ((void)0)
#endif
/* Also publishes the instruction count at each check point, so that
 * sigil.stats() read by running code is current to the last loop edge. */
#define CHECK_EVAL_BREAKER() CHECK_EVAL_BREAKER_ELSE((void)0)
/* The same, running `if_none` when no event was pending: then this thread
 * passed no safe point (the quiescent-state report is a plain store of its
 * own sequence number) and ran no code. */
#define CHECK_EVAL_BREAKER_ELSE(if_none)                                              \
    do {                                                                              \
        if (SIGIL_COUNTS_INSTRUCTIONS) {                                              \
            sigil_counter_add(ts, SIGIL_CTR_STAT(SIGIL_STAT_instructions_sigil), ninstr); \
            ninstr = 0;                                                               \
        }                                                                             \
        _Py_qsbr_quiescent_state(((_PyThreadStateImpl *)tstate)->qsbr);               \
        if (_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker) & _PY_EVAL_EVENTS_MASK) { \
            _PyFrame_SetStackPointer(frame, sp);                                      \
            int err_ = _Py_HandlePending(tstate);                                     \
            sp = _PyFrame_GetStackPointer(frame);                                     \
            if (err_ != 0) {                                                          \
                goto error;                                                           \
            }                                                                         \
        }                                                                             \
        else {                                                                        \
            if_none;                                                                  \
        }                                                                             \
    } while (0)

/* A guard of a specialized form failed: count the miss, turn the word back
 * to the family's base opcode (same name) once its miss budget is spent,
 * and run the generic instruction. `grown`, evaluated before the budget,
 * is positive when the miss instead grew the word's record (a polymorphic
 * site, or an entry replaced after its class changed: poly_grow charges
 * that to the budget itself), and negative when the miss is spared the
 * budget (an operand of a new kind at a full record, sigil_spec.c
 * full_record_miss: it runs generic and the record stays). If positive,
 * the instruction runs again from its new word, through the monitoring
 * check (the grow may have waited on a lock, and
 * the world may have stopped meanwhile). Not generic: right after a class
 * change CPython's type cache has nothing for its new version, and the
 * generic lookup's miss takes the interpreter-wide type lock, which two
 * threads respecializing the sites of a class one of them keeps changing
 * (shared_class_write) then fought over. At most SIGIL_REGROWS_MAX such
 * re-runs in a row of one instruction with no miss elsewhere between: a
 * class other threads change faster than this thread can grow it could
 * otherwise keep the thread re-running one instruction, its replacements
 * not charged while, preempted between them, it sees them as rare. Past
 * that, the miss takes the budget path and the streak starts over. Kept
 * on the miss path, off the loop's back edges. `demoted`, evaluated once the budget is
 * spent, is nonzero when the word was replaced by a form that keeps no
 * cache instead of the base opcode. The generic code reads OPARG and NEXT_UNIT
 * from `word`, so `word` becomes the base opcode's immediate word (a
 * record word has no oparg); the CASes above still compare the word the
 * form loaded. That generic word is built before `grown` and the
 * deoptimization run: either may retire the record, and although QSBR
 * keeps it readable for this thread, the retire_no_grace fault build
 * frees it at once. */
#define SPEC_MISS_AT(famid, base_op, generic, grown, demoted)                \
    do {                                                                     \
        sigil_family_bump(ts, famid, SIGIL_FAMCTR_misses);                   \
        sigil_word generic_word_ = sigil_word_generic(base_op, word);        \
        if (ts->regrow_pc != pc) {                                           \
            ts->regrow_pc = pc;                                              \
            ts->regrows = 0;                                                 \
        }                                                                    \
        int grown_ = ts->regrows < SIGIL_REGROWS_MAX ? (grown) : 0;          \
        if (grown_ > 0) {                                                    \
            ts->regrows++;                                                   \
            JUMP_TO(pc);                                                     \
        }                                                                    \
        ts->regrows = 0;                                                     \
        if (grown_ == 0 && sigil_spec_miss(sc, PCI) && !(demoted)) {         \
            sigil_spec_deopt(ts, sc, PCI, word, famid, base_op);             \
        }                                                                    \
        word = generic_word_;                                                \
        goto generic;                                                        \
    } while (0)
/* Has the site deoptimized since its last publication (a nonzero backoff
 * exponent in its counter)? Its operands then changed kind, and the
 * choosers of BINARY_OP, COMPARE_OP, BINARY_SUBSCR and TO_BOOL take the
 * forms for several kinds (`unstable`). Relaxed, as every counter read. */
#define SITE_UNSTABLE() ((atomic_load_explicit(&sc->counters[PCI], memory_order_relaxed) >> 12) != 0)
/* The oparg of the specialized word that missed (a record keeps it). */
#define MISS_OPARG sigil_word_oparg(word)
#define SPEC_MISS_OR_GROW(fam, generic, grown) SPEC_MISS_AT(SIGIL_FAM_##fam, fam, generic, grown, 0)
#define SPEC_MISS(fam, generic) SPEC_MISS_AT(SIGIL_FAM_##fam, fam, generic, 0, 0)

/* -- Pinned globals ----------------------------------------------------------
 * A LOAD_GLOBAL_PINNED record caches a global's value, and the world
 * version it is guarded by stands for "the globals dict still holds it":
 * before any store, deletion or clear could drop it, the watcher bumps the
 * version and waits for every thread's open pin window to close
 * (runtime/sigil_world.c, "Pinned globals"). So inside its window a thread
 * may use the value without a reference of its own. For a pinned dict read
 * by `G[k]` (k a local or a constant: LOAD_FAST / LOAD_CONST, then
 * BINARY_SUBSCR_DICT) or `k in G` (CONTAINS_OP_DICT right after), the
 * handler runs the following instruction(s) too, inside the window, with
 * sigil_dict_lookup_quiet, which takes no lock, runs no code and releases
 * nothing that could: no count of the dict, nor of the subscript's key
 * (read from its local or constant, which holds it), is taken, and threads
 * that read one module-level table stop bouncing its first cache line.
 * Nothing between the window's open and close dispatches (so no monitoring
 * check and no fallback comes between), waits or runs code. When the quiet
 * lookup cannot answer (another key type, a key missing from a subscript,
 * a concurrent change), the dict gets its reference inside the window and
 * the consumer runs as its own instruction; other shapes run the ordinary
 * form. What may run code (the `in` test's operand's drop, the dict-sharing
 * report) comes after the close. */
typedef enum {
    PINNED_ORDINARY,    /* run the LOAD_GLOBAL_PINNED form itself */
    PINNED_CONSUMER,    /* the dict (with its reference) and the key are
                           pushed: dispatch the consumer at pc */
    PINNED_DONE,        /* consumer done; continue after pc (code may have run) */
    PINNED_DONE_PURE,   /* consumer done; nothing ran */
} sigil_pinned_how;

typedef struct {
    sigil_pinned_how how;
    int consumed;          /* instructions run past the LOAD_GLOBAL */
    PyObject **sp;
    _Py_CODEUNIT *pc;      /* the consumer's unit */
    sigil_word word;       /* the consumer's word */
} sigil_pinned_step;

/* Inside the window: count down to the dict-sharing report the consumer's
 * own step makes (sigil_dict_read); 1 when this execution is the sampled
 * one, whose call (after the window: it may stop the world) needs a
 * reference to the dict. */
static inline int
pinned_dict_sample(sigil_tstate *ts, PyObject *d)
{
    if (_Py_IsOwnedByCurrentThread(d)) {
        return 0;
    }
    if (ts->dict_tick > 1) {
        ts->dict_tick--;
        return 0;
    }
    /* A settled report would only read: skip it, and with it the
     * reference, an atomic increment and decrement of the shared count
     * that every thread reading the dict bounces (the count shares the
     * dict's first cache line with ma_keys, which every lookup reads). */
    return !sigil_dict_report_settled(ts, d);
}

/* -- Borrowed spans -----------------------------------------------------------
 * `G[(i & 63, (i & 63) + 1)]` or `G[k * 7 + 1]`: a pinned dict subscripted
 * by a key that a few instructions compute from local and constant ints.
 * The fused forms above need the key to be a local or a constant; here the
 * dict would be pushed with a reference (an atomic increment and, at the
 * subscript, a decrement of its shared count, which every thread reading
 * it bounces). A span walks the words after the LOAD_GLOBAL, before the
 * window opens, evaluating them on C integers: LOAD_FAST (and its pair)
 * of a bound exact compact int, LOAD_CONST of one (or, as the whole key,
 * of an exact tuple of them), BINARY_OP +, -, *, &, |, ^, <<, >> (plain or
 * in place) whose result is compact again, and BUILD_TUPLE of up to
 * SIGIL_VKEY_MAX of them as the whole key, up to BINARY_SUBSCR_DICT. None
 * of these can raise or run code on such operands, and none makes an
 * object anyone else could see, so skipping them is unobservable; nothing
 * of the frame changes until the span succeeds, so an operand of another
 * kind, an overflow or an unknown word just gives the walk up. Then one
 * window: the world check and sigil_dict_lookup_vkey (hash and compare on
 * the integers, no key object made). A key the lookup cannot answer for
 * (absent, another type) closes the window and runs the ordinary form. */
enum { SPAN_UNITS = 16, SPAN_DEPTH = 8 };

typedef struct {
    _Py_CODEUNIT *pc;      /* the consumer's unit */
    sigil_word word;       /* its word */
    int consumed;          /* instructions past the LOAD_GLOBAL, the consumer included */
    sigil_vkey key;
} sigil_span;

/* The value of o if it is an exact compact int. */
static inline int
span_int(PyObject *o, int64_t *v)
{
    if (o == NULL || !PyLong_CheckExact(o) || !_PyLong_IsCompact((PyLongObject *)o)) {
        return 0;
    }
    *v = _PyLong_CompactValue((PyLongObject *)o);
    return 1;
}

/* What BINARY_OP `nb` makes of compact a and b, if the span knows the
 * operator and the result is compact (so no operation can raise). */
static inline int
span_binop(int nb, int64_t a, int64_t b, int64_t *r)
{
    switch (sigil_nb_base(nb)) {
    case NB_ADD:
        *r = a + b;
        break;
    case NB_SUBTRACT:
        *r = a - b;
        break;
    case NB_MULTIPLY:
        *r = a * b;   /* |a|, |b| < 2**30 */
        break;
    case NB_AND:
        *r = a & b;   /* two's complement agrees with Python's ints */
        break;
    case NB_OR:
        *r = a | b;
        break;
    case NB_XOR:
        *r = a ^ b;
        break;
    case NB_LSHIFT:
        if (b < 0 || b > 32) {
            return 0;   /* ValueError, or beyond a compact result */
        }
        *r = a * ((int64_t)1 << b);
        break;
    case NB_RSHIFT:
        if (b < 0) {
            return 0;
        }
        /* An arithmetic shift floors, as Python's does (GCC and Clang
         * shift a negative int64_t arithmetically). */
        *r = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
        break;
    default:
        return 0;
    }
    return sigil_vkey_compact(*r);
}

/* A constant tuple of exact compact ints as the whole key. */
static int
span_const_tuple(PyObject *c, sigil_vkey *key)
{
    Py_ssize_t n = PyTuple_GET_SIZE(c);
    if (n < 1 || n > SIGIL_VKEY_MAX) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!span_int(PyTuple_GET_ITEM(c, i), &key->vals[i])) {
            return 0;
        }
    }
    key->n = (int)n;
    return 1;
}

/* Walk from pc1 (the unit after the LOAD_GLOBAL) to a BINARY_SUBSCR_DICT
 * whose key the walk computed; 1 and *out filled, or 0. Reads only this
 * frame's locals, the code's constants and the words (each loaded once:
 * another thread's re-specialization of a BINARY_OP site keeps its
 * operator, which is all the walk takes from it). */
static int
span_walk(_PyInterpreterFrame *frame, PyCodeObject *co, _Py_CODEUNIT *pc1, uintptr_t wbias,
          sigil_span *out)
{
    int64_t st[SPAN_DEPTH];
    int depth = 0;
    int whole = 0;   /* the key is out->key already (a tuple) */
    _Py_CODEUNIT *p = pc1;
    for (int n = 1; n <= SPAN_UNITS; n++) {
        sigil_word w = sigil_code_word_at(wbias, p);
        int op = SIGIL_W_OP(w);
        int arg = SIGIL_W_ARG(w);
        if (op == BINARY_SUBSCR_DICT) {
            if (!whole) {
                if (depth != 1) {
                    return 0;
                }
                out->key.n = 0;
                out->key.vals[0] = st[0];
            }
            out->pc = p;
            out->word = w;
            out->consumed = n;
            return 1;
        }
        if (whole) {
            return 0;   /* a tuple key goes straight to the subscript */
        }
        switch (op) {
        case LOAD_FAST:
            if (depth == SPAN_DEPTH || !span_int(frame->localsplus[arg], &st[depth])) {
                return 0;
            }
            depth++;
            break;
        case LOAD_FAST_LOAD_FAST:
            if (depth + 2 > SPAN_DEPTH || !span_int(frame->localsplus[arg >> 4], &st[depth]) ||
                !span_int(frame->localsplus[arg & 15], &st[depth + 1])) {
                return 0;
            }
            depth += 2;
            break;
        case LOAD_CONST: {
            PyObject *c = PyTuple_GET_ITEM(co->co_consts, arg);
            if (depth == 0 && PyTuple_CheckExact(c)) {
                if (!span_const_tuple(c, &out->key)) {
                    return 0;
                }
                whole = 1;
                break;
            }
            if (depth == SPAN_DEPTH || !span_int(c, &st[depth])) {
                return 0;
            }
            depth++;
            break;
        }
        case BUILD_TUPLE:
            if (arg < 1 || arg > SIGIL_VKEY_MAX || depth != arg) {
                return 0;
            }
            for (int i = 0; i < arg; i++) {
                out->key.vals[i] = st[i];
            }
            out->key.n = arg;
            depth = 0;
            whole = 1;
            break;
        default: {
            if (depth < 2) {
                return 0;   /* no operands: not a span (the common exit) */
            }
            int form = sigil_form_of_opcode(op);
            if (!(op == BINARY_OP || (form >= 0 && sigil_form_families[form] == SIGIL_FAM_BINARY_OP)) ||
                !span_binop(arg, st[depth - 2], st[depth - 1], &st[depth - 2])) {
                return 0;
            }
            depth--;
            break;
        }
        }
        p += 1 + SIGIL_W_NCACHE(w);
    }
    return 0;
}

/* The span `span` after the LOAD_GLOBAL_PINNED of dict g; PINNED_ORDINARY
 * (nothing done) unless the lookup answered. */
static sigil_pinned_step
pinned_span(sigil_tstate *ts, _PyInterpreterFrame *frame, const sigil_record *prec,
            PyObject **sp, const sigil_span *span)
{
    sigil_pinned_step out = {.how = PINNED_ORDINARY, .sp = sp};
    PyObject *g = prec->obj;
    sigil_pin_enter(ts);
    if (!sigil_uop_world_holds(ts, frame->f_globals, prec)) {
        sigil_pin_leave(ts);
        return out;
    }
    PyObject *v, *held;
    int r = sigil_dict_lookup_vkey((PyDictObject *)g, &span->key, &v, &held);
    int sample = r > 0 && pinned_dict_sample(ts, g);
    if (sample) {
        Py_INCREF(g);   /* the report's */
    }
    sigil_pin_leave(ts);
    /* After the close: a stored key's last release may free a tuple. */
    Py_XDECREF(held);
    if (r <= 0) {
        Py_XDECREF(v);
        return out;
    }
    sigil_form_bump(ts, SIGIL_FORM_LOAD_GLOBAL_PINNED);
    sigil_form_bump(ts, SIGIL_FORM_BINARY_SUBSCR_DICT);
    if (sigil_counting()) {
        sigil_stat_bump(ts, SIGIL_STAT_globals_borrowed);
        sigil_stat_bump(ts, SIGIL_STAT_globals_spans);
    }
    *sp++ = v;
    out.sp = sp;
    out.pc = span->pc;
    out.word = span->word;
    out.consumed = span->consumed;
    out.how = held == NULL ? PINNED_DONE_PURE : PINNED_DONE;
    if (sample) {
        sigil_dict_read_shared(ts, g);
        Py_DECREF(g);
        out.how = PINNED_DONE;
    }
    return out;
}

/* The word at pc is a LOAD_GLOBAL_PINNED of a dict, not for a call. */
static __attribute__((noinline)) sigil_pinned_step
pinned_fused(sigil_tstate *ts, _PyInterpreterFrame *frame, PyCodeObject *co, PyObject **sp,
             _Py_CODEUNIT *pc, sigil_word word, uintptr_t wbias)
{
    sigil_pinned_step out = {.how = PINNED_ORDINARY, .sp = sp};
    const sigil_record *prec = sigil_word_record(word);
    PyObject *g = prec->obj;
    _Py_CODEUNIT *pc1 = pc + 1 + SIGIL_W_NCACHE(word);
    sigil_word w1 = sigil_code_word_at(wbias, pc1);
    int op1 = SIGIL_W_OP(w1);
    _Py_CODEUNIT *pc2 = pc1 + 1;
    sigil_word w2 = 0;
    /* The fused shapes: `k in G`, and G[k] with k a local or a constant
     * (whose str keys the quiet lookup answers). Anything else, and a key
     * that is not a str, may be a borrowed span; a span the lookup cannot
     * answer leaves a fused shape to the fused path below. */
    int fused = op1 == CONTAINS_OP_DICT;
    int str_key = 0;
    if (op1 == LOAD_FAST || op1 == LOAD_CONST) {
        w2 = sigil_code_word_at(wbias, pc2);
        fused = SIGIL_W_OP(w2) == BINARY_SUBSCR_DICT;
        PyObject *k = op1 == LOAD_FAST ? frame->localsplus[SIGIL_W_ARG(w1)]
                                       : PyTuple_GET_ITEM(co->co_consts, SIGIL_W_ARG(w1));
        str_key = k != NULL && PyUnicode_CheckExact(k);
    }
    if (!fused || (op1 != CONTAINS_OP_DICT && !str_key)) {
        sigil_span span;
        if (span_walk(frame, co, pc1, wbias, &span)) {
            sigil_pinned_step st = pinned_span(ts, frame, prec, sp, &span);
            if (st.how != PINNED_ORDINARY || !fused) {
                return st;
            }
        }
        else if (!fused) {
            return out;
        }
    }
    sigil_pin_enter(ts);
    /* g is an exact dict (the record says so) and alive while the
     * version holds. */
    if (!sigil_uop_world_holds(ts, frame->f_globals, prec)) {
        sigil_pin_leave(ts);
        return out;
    }
    sigil_form_bump(ts, SIGIL_FORM_LOAD_GLOBAL_PINNED);
    if (op1 == CONTAINS_OP_DICT) {
        PyObject *item = sp[-1];
        int r = sigil_dict_lookup_quiet((PyDictObject *)g, item, NULL);
        int sample = r >= 0 && pinned_dict_sample(ts, g);
        if (r < 0 || sample) {
            Py_INCREF(g);   /* the consumer's operand, or the report's */
        }
        sigil_pin_leave(ts);
        out.consumed = 1;
        out.pc = pc1;
        out.word = w1;
        if (r < 0) {
            *sp++ = g;
            out.sp = sp;
            out.how = PINNED_CONSUMER;
            return out;
        }
        sigil_form_bump(ts, SIGIL_FORM_CONTAINS_OP_DICT);
        if (sigil_counting()) {
            sigil_stat_bump(ts, SIGIL_STAT_globals_borrowed);
        }
        sp[-1] = (r ^ (SIGIL_W_ARG(w1) & 1)) ? Py_True : Py_False;
        if (sample) {
            sigil_dict_read_shared(ts, g);
            Py_DECREF(g);
        }
        out.how = sigil_drop(item) && !sample ? PINNED_DONE_PURE : PINNED_DONE;
        return out;
    }
    PyObject *sub = op1 == LOAD_FAST ? frame->localsplus[SIGIL_W_ARG(w1)]
                                     : PyTuple_GET_ITEM(co->co_consts, SIGIL_W_ARG(w1));
    assert(sub != NULL);   /* the compiler emits LOAD_FAST for bound locals only */
    PyObject *v;
    int r = sigil_dict_lookup_quiet((PyDictObject *)g, sub, &v);
    int sample = r > 0 && pinned_dict_sample(ts, g);
    if (r <= 0 || sample) {
        Py_INCREF(g);   /* the consumer's operand, or the report's */
    }
    sigil_pin_leave(ts);
    out.consumed = 2;
    out.pc = pc2;
    out.word = w2;
    if (r <= 0) {
        /* Missing (KeyError) or unknown: CPython's lookup, on the dict's
         * reference taken above; then drop what the quiet one may have
         * taken. */
        *sp++ = g;
        Py_XDECREF(v);
        *sp++ = Py_NewRef(sub);
        out.sp = sp;
        out.how = PINNED_CONSUMER;
        return out;
    }
    sigil_form_bump(ts, SIGIL_FORM_BINARY_SUBSCR_DICT);
    if (sigil_counting()) {
        sigil_stat_bump(ts, SIGIL_STAT_globals_borrowed);
    }
    *sp++ = v;
    out.sp = sp;
    out.how = PINNED_DONE_PURE;
    if (sample) {
        sigil_dict_read_shared(ts, g);
        Py_DECREF(g);
        out.how = PINNED_DONE;
    }
    return out;
}

/* MAKE_FUNCTION's new function took a reference to its module's name
 * (the globals' __name__, a try-increment) and drops it when it dies:
 * from a thread that does not own the str, two atomic read-modify-writes
 * per closure made (a quarter of the closures workload's, by
 * tools/sigil-atomics, in the harness's worker thread). Reported as a
 * module value load, so a name that threads keep meeting is made
 * immortal like any shared module str (docs/interpreter.md). Out of the
 * loop: a few bytes there move every handler after it. */
static __attribute__((noinline)) void
function_made(PyFunctionObject *f)
{
    if (f->func_module != NULL) {
        (void)sigil_module_value_loaded(f->func_module);
    }
}

PyObject *
SIGIL_LOOP_RUN(sigil_tstate *ts_, sigil_runtime *rt_, PyThreadState *tstate,
               _PyInterpreterFrame *entry, int throwflag, int entry_checked)
{
    sigil_interp_ctx ctx_ = {.ts = ts_, .rt = rt_, .extra_index = rt_->extra_index,
                             .load_reason = 0, .entry_checked = entry_checked};
    sigil_interp_ctx *ctx = &ctx_;
    /* ORDER OPCODE: indexed by CPython 3.13 opcode number; every slot not
     * named in sigil_opcodes.def goes to op_unknown (a counted fallback). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const targets[256] = {
        [0 ... 255] = &&op_unknown,
#define SIGIL_OPCODE(op) [op] = &&op_##op,
#define SIGIL_OPCODE_ABSENT(op, why) [op] = &&op_unknown,
#include "sigil_opcodes.def"
#undef SIGIL_OPCODE
#undef SIGIL_OPCODE_ABSENT
#define SIGIL_FORMDEF(form, fam, guard) [form] = &&op_##form,
#include "sigil_spec.def"
#undef SIGIL_FORMDEF
        /* A pinned global looks at what consumes it first (below). */
        [LOAD_GLOBAL_PINNED] = &&op_load_global_pinned_fused,
    };
#pragma GCC diagnostic pop
    /* Each family's miss path (ORDER FAMILY), for the micro-op forms. */
    static void *const miss_targets[SIGIL_FAM__MAX] = {
#define SIGIL_FAMILYDEF(fam) [SIGIL_FAM_##fam] = &&miss_##fam,
#include "sigil_spec.def"
#undef SIGIL_FAMILYDEF
    };
    /* Where a polymorphic record's selector continues: each record form's
     * entry (after its handler has read the record from the word). */
    static void *const entry_targets[256] = {
#define SIGIL_FORM_BEGIN(form, kind) SIGIL_ENTRY_TARGET_##kind(form)
#define SIGIL_ENTRY_TARGET_RECORD(form) [form] = &&enter_##form,
#define SIGIL_ENTRY_TARGET_IMMEDIATE(form)
#define SIGIL_STEP(form, uop)
#define SIGIL_FORM_END(form)
#include "sigil_steps.def"
#undef SIGIL_FORM_BEGIN
#undef SIGIL_ENTRY_TARGET_RECORD
#undef SIGIL_ENTRY_TARGET_IMMEDIATE
#undef SIGIL_STEP
#undef SIGIL_FORM_END
    };
    /* Borrowed owners (see there): the borrowed copy of each
     * SIGIL_BORROWDEF form, by opcode (NULL: LOAD_FAST counts the
     * reference as usual), and the copy a polymorphic selector enters for
     * each entry form. */
    static void *const borrow_targets[256] = {
#define SIGIL_BORROWDEF(form) [form] = &&bop_##form,
#define SIGIL_OPERANDDEF(form) [form] = &&bop_##form,
#include "sigil_spec.def"
#undef SIGIL_BORROWDEF
#undef SIGIL_OPERANDDEF
    };
    /* Borrowed operands: the copy of each SIGIL_OPERANDDEF form that runs
     * with both operands borrowed (after LOAD_FAST_LOAD_FAST). */
    static void *const operands_targets[256] = {
#define SIGIL_OPERANDDEF(form) [form] = &&bop2_##form,
#include "sigil_spec.def"
#undef SIGIL_OPERANDDEF
    };
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const borrow_entry_targets[256] = {
        [0 ... 255] = &&benter_own,
/* (benter_ labels are named after the form's opcode number, as enter_
 * labels are: the form's name is a macro, expanded before pasting.) */
#define SIGIL_BENTER_LABEL(form) &&benter_##form
#define SIGIL_BORROWDEF(form) [form] = SIGIL_BENTER_LABEL(form),
#include "sigil_spec.def"
#undef SIGIL_BORROWDEF
#undef SIGIL_BENTER_LABEL
    };
#pragma GCC diagnostic pop
    int uop_miss_step = 0, uop_miss_family = 0;
    const sigil_record *frec = NULL;

    sigil_tstate *ts = ctx->ts;
    _PyInterpreterFrame *frame = entry;
    _PyInterpreterFrame *callee = NULL;
    /* The table of callee's code when the form that pushed it had it (its
     * record's: env.callee_table), from that form's PUSH_FRAME to the
     * load_frame of start_frame, which spares the co_extra lookup; NULL
     * everywhere else. */
    sigil_code *callee_sc = NULL;
    /* A frame handed to another evaluator (fallback, other_loop), and
     * whether it is a generator's (see handed_back). */
    _PyInterpreterFrame *handed = NULL;
    int handed_gen = 0;
    PyCodeObject *co = NULL;
    sigil_code *sc = NULL;
    _Py_CODEUNIT *code0 = NULL;
    PyObject **sp = NULL;
    /* pc: this instruction's code unit (NEXT_UNIT: where execution
     * continues). A pointer into CPython's bytecode, so that
     * frame->instr_ptr is a plain store; PCI is pc's index, for the word
     * table and the specializer. */
    _Py_CODEUNIT *pc = NULL;
    /* Where a form that ends with an eval-breaker check continues, and the
     * code unit whose exception-table entry handles an error: set only on
     * those paths (every other one computes NEXT_UNIT from the word). */
    _Py_CODEUNIT *resume_at = NULL, *unwind_at = NULL;
    uintptr_t wbias = 0;   /* sigil_code_word_at's bias for (sc, code0), set by load_frame */
    int fb_error = 0;
    int async_with = 0;
    sigil_word word = 0;
    sigil_runtime *rt = ctx->rt;
    uint64_t ninstr = 0;
    PyObject *retval = NULL;

    /* Link the entry frame; charge this C activation. */
    frame->previous = tstate->current_frame;
    tstate->current_frame = frame;
    tstate->c_recursion_remaining -= (C_STACK_UNITS - 1);
    if (_Py_EnterRecursiveCallTstate(tstate, "")) {
        tstate->c_recursion_remaining--;
        tstate->py_recursion_remaining--;
        goto exit_unwind;
    }
    if (throwflag) {
        /* gen.throw(): the exception is set; raise it at the resumption
         * point of the generator's frame. */
        if (tstate->py_recursion_remaining-- <= 0 && _Py_CheckRecursiveCallPy(tstate)) {
            goto exit_unwind;
        }
        goto resume_with_error;
    }

start_frame:
    if (tstate->py_recursion_remaining-- <= 0 && _Py_CheckRecursiveCallPy(tstate)) {
        ctx->entry_checked = SIGIL_CHECKED_NONE;   /* the caller resumes fully checked */
        callee_sc = NULL;
        goto exit_unwind;
    }
    if (!load_frame(ctx, tstate, frame, callee_sc, &co, &sc, &code0, &wbias)) {
        callee_sc = NULL;
        pc = frame->instr_ptr;
        sp = NULL;
        fb_error = 0;
        goto fallback;
    }
    callee_sc = NULL;
    pc = frame->instr_ptr;
    sp = _PyFrame_GetStackPointer(frame);

dispatch : {
    /* Instrumentation (sys.settrace, sys.monitoring, f_trace_opcodes)
     * rewrites CPython's own copy of the bytecode in place, possibly while
     * this frame runs. A frame starts here only while its code has no
     * active event (sigil_interp_needs_stock); instrumenting a code object
     * first gives it monitoring data (co->_co_monitoring, never freed
     * before the code), so while that pointer is NULL nothing in the code
     * is instrumented. Otherwise the stock loop takes over here if any
     * event is active, the first boundary at which it could matter (an
     * instrumented instruction later in the frame included).
     *
     * Instrumentation is only ever inserted with the world stopped
     * (sys.settrace, sys.monitoring.set_events / set_local_events /
     * restart_events, f_trace_opcodes), or by a RESUME of a code object
     * whose version lags the interpreter's, which a code this frame runs
     * no longer does after the stop that moved the version (it instruments
     * every executing frame's code). A stop needs this thread at a safe
     * point: an eval-breaker check, or detached inside some call. So
     * instrumentation can appear under this frame only while this thread
     * runs arbitrary code or passes a safe point, and the instructions that
     * do neither (no call, no eval-breaker check, no reference drop that
     * could be the last of an object with a finalizer) continue at
     * dispatch_pure without the check. The pointer is read relaxed: the
     * stop or this thread's own call orders the write before the read.
     * Handlers make the check in place (JUMP_TO), the same test. */
    GOTO_MONITORED_IF_WATCHED();
dispatch_pure:
    word = sigil_code_word_at(wbias, pc);
    frame->instr_ptr = pc;
    COUNT_INSTRUCTION();
    goto *targets[dispatch_op(word)];
}

/* -- Locals, constants, stack shuffling -- */
op_NOP:
op_EXTENDED_ARG:
    NEXT_PURE_NC();

op_RESUME: {
    uintptr_t breaker = _Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker);
    uintptr_t code_version = _Py_atomic_load_uintptr_acquire(&co->_co_instrumentation_version);
    if (__builtin_expect(breaker == code_version, 1)) {
        /* No event pending and the code's instrumentation current: one
         * compare, as CPython's RESUME_CHECK (3.14t's too) makes it. The
         * quiescent-state report of the check below is skipped on this
         * path: backward jumps, calls' checks and any pending event still
         * make it, so only a thread recursing without loops or C calls
         * reports later (3.14t's RESUME_CHECK accepts the same). Pure:
         * the frame's first dispatch (or a resumed one's) came through the
         * monitoring check, and this compare runs nothing. */
        NEXT_PURE_NC();
    }
    if (code_version != (breaker & ~_PY_EVAL_EVENTS_MASK)) {
        ctx->load_reason = SIGIL_FB_instrumentation_sync;
        fb_error = 0;
        goto fallback;
    }
    if ((OPARG & RESUME_OPARG_LOCATION_MASK) < RESUME_AFTER_YIELD_FROM) {
        CHECK_EVAL_BREAKER();
    }
    NEXT_NC();
}

/* Before a LOAD_ATTR (the word says so), LOAD_FAST and LOAD_FAST_LOAD_FAST
 * dispatch that instruction themselves, its word in hand: a borrowable
 * form runs on the local `v` they push last without a reference (see
 * "Borrowed owners"). Either way the next instruction is pure's
 * successor, as after NEXT_PURE (neither runs code). */
#define PUSH_OWNER_AND_DISPATCH(v)                                   \
    do {                                                             \
        assert(SIGIL_W_NCACHE(word) == 0);                           \
        pc++;                                                        \
        word = sigil_code_word_at(wbias, pc);                        \
        void *borrowed_ = borrow_targets[dispatch_op(word)];         \
        frame->instr_ptr = pc;                                       \
        COUNT_INSTRUCTION();                                         \
        if (borrowed_ != NULL) {                                     \
            PUSH(v);                                                 \
            goto *borrowed_;                                         \
        }                                                            \
        PUSH(new_ref(v));                                            \
        goto *targets[dispatch_op(word)];                            \
    } while (0)

op_LOAD_FAST: {
    PyObject *v = GETLOCAL(OPARG);
    if (SIGIL_W_AUX(word) & SIGIL_AUX_LOAD_FAST_OWNER) {
        PUSH_OWNER_AND_DISPATCH(v);
    }
    PUSH(new_ref(v));
    NEXT_PURE_NC();
}

op_LOAD_FAST_CHECK: {
    PyObject *v = GETLOCAL(OPARG);
    if (v == NULL) {
        _PyEval_FormatExcCheckArg(tstate, PyExc_UnboundLocalError, MSG_UNBOUND_LOCAL,
                                  PyTuple_GetItem(co->co_localsplusnames, OPARG));
        goto error;
    }
    PUSH(new_ref(v));
    NEXT_PURE_NC();
}

op_LOAD_FAST_AND_CLEAR: {
    PUSH(GETLOCAL(OPARG));
    GETLOCAL(OPARG) = NULL;
    NEXT_PURE_NC();
}

op_LOAD_FAST_LOAD_FAST: {
    PyObject *a = GETLOCAL(OPARG >> 4);
    PyObject *b = GETLOCAL(OPARG & 15);
    if (SIGIL_W_AUX(word) & SIGIL_AUX_LOAD_FAST_OWNER) {
        /* Both operands of a SIGIL_OPERANDDEF form borrowed ("Borrowed
         * operands"), else `b` alone as PUSH_OWNER_AND_DISPATCH does. */
        sigil_word next_ = sigil_code_word_at(wbias, pc + 1);
        void *both_ = operands_targets[dispatch_op(next_)];
        if (both_ != NULL) {
            assert(SIGIL_W_NCACHE(word) == 0);
            pc++;
            word = next_;
            frame->instr_ptr = pc;
            COUNT_INSTRUCTION();
            PUSH(a);
            PUSH(b);
            goto *both_;
        }
        PUSH(new_ref(a));
        PUSH_OWNER_AND_DISPATCH(b);
    }
    PUSH(new_ref(a));
    PUSH(new_ref(b));
    NEXT_PURE_NC();
}

op_LOAD_CONST:
    PUSH(new_ref(CONST(OPARG)));
    NEXT_PURE_NC();

op_STORE_FAST: {
    PyObject *old = GETLOCAL(OPARG);
    GETLOCAL(OPARG) = POP();
    NEXT_AFTER_DROP_NC(old);
}

op_STORE_FAST_LOAD_FAST: {
    PyObject *old = GETLOCAL(OPARG >> 4);
    GETLOCAL(OPARG >> 4) = POP();
    PUSH(new_ref(GETLOCAL(OPARG & 15)));
    NEXT_AFTER_DROP_NC(old);
}

op_STORE_FAST_STORE_FAST: {
    PyObject *v1 = POP();
    PyObject *v2 = POP();
    SETLOCAL(OPARG >> 4, v1);
    SETLOCAL(OPARG & 15, v2);
    NEXT_NC();
}

op_DELETE_FAST: {
    PyObject *v = GETLOCAL(OPARG);
    if (v == NULL) {
        _PyEval_FormatExcCheckArg(tstate, PyExc_UnboundLocalError, MSG_UNBOUND_LOCAL,
                                  PyTuple_GetItem(co->co_localsplusnames, OPARG));
        goto error;
    }
    SETLOCAL(OPARG, NULL);
    NEXT_NC();
}

op_POP_TOP:
op_END_FOR:
    NEXT_AFTER_DROP_NC(POP());

op_PUSH_NULL:
    PUSH(NULL);
    NEXT_PURE_NC();

op_END_SEND: {
    PyObject *v = POP();
    PyObject *receiver = POP();
    Py_DECREF(receiver);
    PUSH(v);
    NEXT_NC();
}

op_COPY: {
    PyObject *v = PEEK(OPARG);
    PUSH(new_ref(v));
    NEXT_PURE_NC();
}

op_SWAP: {
    PyObject *t = TOP();
    TOP() = PEEK(OPARG);
    PEEK(OPARG) = t;
    NEXT_PURE_NC();
}

/* -- Cells and free variables -- */
op_MAKE_CELL: {
    PyObject *cell = PyCell_New(GETLOCAL(OPARG));
    if (cell == NULL) {
        goto error;
    }
    SETLOCAL(OPARG, cell);
    NEXT_NC();
}

op_COPY_FREE_VARS: {
    PyFunctionObject *func = (PyFunctionObject *)frame->f_funcobj;
    PyObject *closure = func->func_closure;
    int offset = co->co_nlocalsplus - OPARG;
    if (__builtin_expect(sigil_closure_wants_immortal(func, closure), 0)) {
        sigil_closure_immortalize(func);
    }
    for (int i = 0; i < OPARG; i++) {
        frame->localsplus[offset + i] = Py_NewRef(PyTuple_GET_ITEM(closure, i));
    }
    NEXT_NC();
}

op_LOAD_DEREF: {
    PyObject *v = cell_get_ref((PyCellObject *)GETLOCAL(OPARG));
    if (v == NULL) {
        _PyEval_FormatExcUnbound(tstate, co, OPARG);
        goto error;
    }
    PUSH(v);
    NEXT_NC();
}

op_STORE_DEREF: {
    PyObject *v = POP();
    NEXT_AFTER_DROP_NC(cell_swap((PyCellObject *)GETLOCAL(OPARG), v));
}

op_DELETE_DEREF: {
    PyObject *old = cell_swap((PyCellObject *)GETLOCAL(OPARG), NULL);
    if (old == NULL) {
        _PyEval_FormatExcUnbound(tstate, co, OPARG);
        goto error;
    }
    Py_DECREF(old);
    NEXT_NC();
}

op_LOAD_FROM_DICT_OR_DEREF: {
    PyObject *class_dict = TOP();
    PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, OPARG);
    PyObject *v;
    if (PyMapping_GetOptionalItem(class_dict, name, &v) < 0) {
        goto error;
    }
    if (v == NULL) {
        v = cell_get_ref((PyCellObject *)GETLOCAL(OPARG));
        if (v == NULL) {
            _PyEval_FormatExcUnbound(tstate, co, OPARG);
            goto error;
        }
    }
    Py_DECREF(class_dict);
    TOP() = v;
    NEXT_NC();
}

/* -- Names: locals dict, globals, builtins -- */
op_LOAD_LOCALS: {
    PyObject *locals = frame->f_locals;
    if (locals == NULL) {
        _PyErr_SetString(tstate, PyExc_SystemError, "no locals found");
        goto error;
    }
    PUSH(Py_NewRef(locals));
    NEXT_NC();
}

op_STORE_NAME: {
    PyObject *name = NAME(OPARG);
    PyObject *ns = frame->f_locals;
    PyObject *v = POP();
    int err;
    if (ns == NULL) {
        _PyErr_Format(tstate, PyExc_SystemError, "no locals found when storing %R", name);
        Py_DECREF(v);
        goto error;
    }
    err = PyDict_CheckExact(ns) ? PyDict_SetItem(ns, name, v) : PyObject_SetItem(ns, name, v);
    Py_DECREF(v);
    if (err) {
        goto error;
    }
    NEXT_NC();
}

op_DELETE_NAME: {
    PyObject *name = NAME(OPARG);
    PyObject *ns = frame->f_locals;
    if (ns == NULL) {
        _PyErr_Format(tstate, PyExc_SystemError, "no locals when deleting %R", name);
        goto error;
    }
    if (PyObject_DelItem(ns, name) != 0) {
        _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, MSG_NAME_ERROR, name);
        goto error;
    }
    NEXT_NC();
}

op_LOAD_NAME: {
    PyObject *ns = frame->f_locals;
    if (ns == NULL) {
        _PyErr_SetString(tstate, PyExc_SystemError, "no locals found");
        goto error;
    }
    PyObject *name = NAME(OPARG);
    PyObject *v;
    if (PyMapping_GetOptionalItem(ns, name, &v) < 0) {
        goto error;
    }
    if (v == NULL) {
        if (PyDict_GetItemRef(frame->f_globals, name, &v) < 0) {
            goto error;
        }
        if (v == NULL) {
            if (PyMapping_GetOptionalItem(frame->f_builtins, name, &v) < 0) {
                goto error;
            }
            if (v == NULL) {
                _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, MSG_NAME_ERROR, name);
                goto error;
            }
        }
    }
    PUSH(v);
    NEXT_NC();
}

op_LOAD_FROM_DICT_OR_GLOBALS: {
    PyObject *dict = TOP();
    PyObject *name = NAME(OPARG);
    PyObject *v;
    if (PyMapping_GetOptionalItem(dict, name, &v) < 0) {
        goto error;
    }
    if (v == NULL) {
        if (PyDict_CheckExact(frame->f_globals) && PyDict_CheckExact(frame->f_builtins)) {
            v = _PyDict_LoadGlobal((PyDictObject *)frame->f_globals,
                                   (PyDictObject *)frame->f_builtins, name);
            if (v == NULL) {
                if (!_PyErr_Occurred(tstate)) {
                    _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, MSG_NAME_ERROR, name);
                }
                goto error;
            }
        }
        else {
            if (PyMapping_GetOptionalItem(frame->f_globals, name, &v) < 0) {
                Py_DECREF(dict);
                ERROR_POP(1);
            }
            if (v == NULL) {
                if (PyMapping_GetOptionalItem(frame->f_builtins, name, &v) < 0) {
                    Py_DECREF(dict);
                    ERROR_POP(1);
                }
                if (v == NULL) {
                    _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, MSG_NAME_ERROR, name);
                    Py_DECREF(dict);
                    ERROR_POP(1);
                }
            }
        }
    }
    Py_DECREF(dict);
    TOP() = v;
    NEXT_NC();
}

op_LOAD_GLOBAL:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_LOAD_GLOBAL)) {
        int ix = 0;
        int form = sigil_spec_load_global(frame->f_globals, NAME(OPARG >> 1), &ix);
        sigil_record rec = {0};
        if (form >= 0 && sigil_spec_load_global_pinned(rt, ts, frame->f_globals,
                                                       NAME(OPARG >> 1), ix, &rec) >= 0) {
            sigil_spec_attempt_record(rt, ts, sc, PCI, word, SIGIL_FAM_LOAD_GLOBAL,
                                      LOAD_GLOBAL_PINNED, &rec);
        }
        else if (form >= 0 && sigil_spec_load_global_keys(rt, ts, frame->f_globals,
                                                          NAME(OPARG >> 1), ix, &rec) >= 0) {
            sigil_spec_attempt_record(rt, ts, sc, PCI, word, SIGIL_FAM_LOAD_GLOBAL,
                                      LOAD_GLOBAL_MODULE_KEYS, &rec);
        }
        else if (form >= 0) {
            sigil_spec_attempt_aux(rt, ts, sc, PCI, word, SIGIL_FAM_LOAD_GLOBAL, form, (uint16_t)ix);
        }
        else {
            form = sigil_spec_load_global_builtin(rt, ts, frame->f_globals, frame->f_builtins,
                                                  NAME(OPARG >> 1), 1, &rec);
            sigil_spec_attempt_record(rt, ts, sc, PCI, word, SIGIL_FAM_LOAD_GLOBAL, form, &rec);
        }
    }
load_global_generic : {
    PyObject *name = NAME(OPARG >> 1);
    PyObject *v;
    if (PyDict_CheckExact(frame->f_globals) && PyDict_CheckExact(frame->f_builtins)) {
        v = _PyDict_LoadGlobal((PyDictObject *)frame->f_globals, (PyDictObject *)frame->f_builtins,
                               name);
        if (v == NULL) {
            if (!_PyErr_Occurred(tstate)) {
                _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, MSG_NAME_ERROR, name);
            }
            goto error;
        }
    }
    else {
        if (PyMapping_GetOptionalItem(frame->f_globals, name, &v) < 0) {
            goto error;
        }
        if (v == NULL) {
            if (PyMapping_GetOptionalItem(frame->f_builtins, name, &v) < 0) {
                goto error;
            }
            if (v == NULL) {
                _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, MSG_NAME_ERROR, name);
                goto error;
            }
        }
    }
    PUSH(v);
    if (OPARG & 1) {
        PUSH(NULL);
    }
    NEXT();
}

/* -- Pinned globals ----------------------------------------------------------
 * A LOAD_GLOBAL_PINNED record caches a global's value, and the world
 * version it is guarded by stands for "the globals dict still holds it":
 * before any store, deletion or clear could drop it, the watcher bumps the
 * version and waits for every thread's open pin window to close
 * (runtime/sigil_world.c, "Pinned globals"). So inside its window a thread
 * may use the value without a reference of its own. For a pinned dict read
 * by `G[k]` (k a local or a constant: LOAD_FAST / LOAD_CONST, then
 * BINARY_SUBSCR_DICT) or `k in G` (CONTAINS_OP_DICT right after), this
 * handler runs the following instruction(s) too, inside the window, with
 * sigil_dict_lookup_quiet, which takes no lock, runs no code and releases
 * nothing that could: no count of the dict, nor of the subscript's key
 * (read from its local or constant, which holds it), is taken, and threads
 * that read one module-level table stop bouncing its first cache line.
 * Nothing between the window's open and close dispatches (so no monitoring
 * check and no fallback comes between), waits or runs code. When the quiet
 * lookup cannot answer (another key type, a key missing from a subscript,
 * a concurrent change), the dict gets its reference inside the window and
 * the consumer runs as its own instruction; other shapes run the ordinary
 * form. What may run code (the `in` test's operand's drop, the dict-sharing
 * report) comes after the close. */
op_load_global_pinned_fused: {
    /* Only a pinned dict can run with its consumer; the rest is out of
     * line (pinned_fused, above the loop), which keeps this handler from
     * costing the loop's other paths registers. */
    const sigil_record *prec = sigil_word_record(word);
    if ((prec->oparg & 1) || prec->index != 1) {   /* not an exact dict */
        goto op_LOAD_GLOBAL_PINNED;
    }
    sigil_pinned_step r = pinned_fused(ts, frame, co, sp, pc, word, wbias);
    if (r.how == PINNED_ORDINARY) {
        goto op_LOAD_GLOBAL_PINNED;
    }
    sp = r.sp;
    pc = r.pc;
    word = r.word;
    frame->instr_ptr = pc;
#if SIGIL_COUNTS_INSTRUCTIONS
    ninstr += r.consumed;
#endif
    if (r.how == PINNED_CONSUMER) {
        goto *targets[dispatch_op(word)];
    }
    if (r.how == PINNED_DONE_PURE) {
        NEXT_PURE();
    }
    NEXT();
}

op_STORE_GLOBAL: {
    PyObject *v = POP();
    int err = PyDict_SetItem(frame->f_globals, NAME(OPARG), v);
    Py_DECREF(v);
    if (err) {
        goto error;
    }
    NEXT_NC();
}

op_DELETE_GLOBAL: {
    PyObject *name = NAME(OPARG);
    int err = PyDict_Pop(frame->f_globals, name, NULL);
    if (err < 0) {
        goto error;
    }
    if (err == 0) {
        _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, MSG_NAME_ERROR, name);
        goto error;
    }
    NEXT_NC();
}

op_LOAD_BUILD_CLASS: {
    PyObject *bc;
    if (PyMapping_GetOptionalItem(frame->f_builtins, &_Py_ID(__build_class__), &bc) < 0) {
        goto error;
    }
    if (bc == NULL) {
        _PyErr_SetString(tstate, PyExc_NameError, "__build_class__ not found");
        goto error;
    }
    PUSH(bc);
    NEXT_NC();
}

op_SETUP_ANNOTATIONS: {
    PyObject *ns = frame->f_locals;
    PyObject *ann;
    if (ns == NULL) {
        _PyErr_Format(tstate, PyExc_SystemError, "no locals found when setting up annotations");
        goto error;
    }
    if (PyMapping_GetOptionalItem(ns, &_Py_ID(__annotations__), &ann) < 0) {
        goto error;
    }
    if (ann == NULL) {
        ann = PyDict_New();
        if (ann == NULL) {
            goto error;
        }
        int err = PyObject_SetItem(ns, &_Py_ID(__annotations__), ann);
        Py_DECREF(ann);
        if (err) {
            goto error;
        }
    }
    else {
        Py_DECREF(ann);
    }
    NEXT_NC();
}

op_LOAD_ASSERTION_ERROR:
    PUSH(Py_NewRef(PyExc_AssertionError));
    NEXT_NC();

/* -- Attributes -- */
op_LOAD_ATTR:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_LOAD_ATTR)) {
        sigil_record rec = {0};
        int form = sigil_spec_load_attr_any(rt, ts, TOP(), NAME(OPARG >> 1), OPARG & 1, &rec);
        sigil_spec_attempt_record(rt, ts, sc, PCI, word, SIGIL_FAM_LOAD_ATTR, form, &rec);
    }
load_attr_generic : {
    PyObject *owner = TOP();
    PyObject *name = NAME(OPARG >> 1);
    if (OPARG & 1) {
        PyObject *attr = NULL;
        if (_PyObject_GetMethod(owner, name, &attr)) {
            TOP() = attr;
            PUSH(owner);   /* self: ownership moves to the new slot */
        }
        else {
            Py_DECREF(owner);
            if (attr == NULL) {
                ERROR_POP(1);
            }
            TOP() = attr;
            PUSH(NULL);
        }
    }
    else {
        PyObject *attr = PyObject_GetAttr(owner, name);
        Py_DECREF(owner);
        if (attr == NULL) {
            ERROR_POP(1);
        }
        TOP() = attr;
    }
    NEXT();
}

op_STORE_ATTR:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_STORE_ATTR)) {
        sigil_record rec = {0};
        int form = sigil_spec_store_attr_any(TOP(), NAME(OPARG), &rec);
        sigil_spec_attempt_record(rt, ts, sc, PCI, word, SIGIL_FAM_STORE_ATTR, form, &rec);
    }
store_attr_generic : {
    PyObject *owner = POP();
    PyObject *v = POP();
    int err = PyObject_SetAttr(owner, NAME(OPARG), v);
    Py_DECREF(v);
    Py_DECREF(owner);
    if (err) {
        goto error;
    }
    NEXT();
}

op_DELETE_ATTR: {
    PyObject *owner = POP();
    int err = PyObject_DelAttr(owner, NAME(OPARG));
    Py_DECREF(owner);
    if (err) {
        goto error;
    }
    NEXT_NC();
}

op_LOAD_SUPER_ATTR:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_LOAD_SUPER_ATTR)) {
        /* The cached method when it applies, else an immediate form. */
        sigil_record rec = {0};
        int form = sigil_spec_load_super_attr_any(OPARG, PEEK(3), PEEK(2), TOP(),
                                                  NAME(OPARG >> 2), &rec);
        if (form == LOAD_SUPER_ATTR_METHOD_CACHED) {
            sigil_spec_attempt_record(rt, ts, sc, PCI, word, SIGIL_FAM_LOAD_SUPER_ATTR, form, &rec);
        }
        else {
            sigil_spec_attempt(rt, ts, sc, PCI, word, SIGIL_FAM_LOAD_SUPER_ATTR, form);
        }
    }
load_super_attr_generic : {
    PyObject *self = POP();
    PyObject *klass = POP();
    PyObject *global_super = POP();
    PyObject *stack[2] = {klass, self};
    PyObject *super = PyObject_Vectorcall(global_super, stack, OPARG & 2, NULL);
    Py_DECREF(global_super);
    Py_DECREF(klass);
    Py_DECREF(self);
    if (super == NULL) {
        goto error;
    }
    PyObject *attr = PyObject_GetAttr(super, NAME(OPARG >> 2));
    Py_DECREF(super);
    if (attr == NULL) {
        goto error;
    }
    PUSH(attr);
    if (OPARG & 1) {
        PUSH(NULL);
    }
    NEXT();
}

/* -- Operators -- */
op_UNARY_NEGATIVE: {
    PyObject *v = TOP();
    PyObject *r = PyNumber_Negative(v);
    Py_DECREF(v);
    if (r == NULL) {
        ERROR_POP(1);
    }
    TOP() = r;
    NEXT_NC();
}

op_UNARY_INVERT: {
    PyObject *v = TOP();
    PyObject *r = PyNumber_Invert(v);
    Py_DECREF(v);
    if (r == NULL) {
        ERROR_POP(1);
    }
    TOP() = r;
    NEXT_NC();
}

op_UNARY_NOT:
    /* The operand is a bool (the compiler emits TO_BOOL first). */
    TOP() = Py_IsFalse(TOP()) ? Py_True : Py_False;
    NEXT_NC();

op_TO_BOOL:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_TO_BOOL)) {
        sigil_record rec = {0};
        int form;
        if (SITE_UNSTABLE()) {
            /* values of changing kinds: one form for all of them */
            form = sigil_spec_to_bool_mixed(TOP(), &rec);
            sigil_spec_attempt_record(rt, ts, sc, PCI, word, SIGIL_FAM_TO_BOOL, form, &rec);
        }
        else if ((form = sigil_spec_to_bool(TOP())) >= 0) {
            sigil_spec_attempt(rt, ts, sc, PCI, word, SIGIL_FAM_TO_BOOL, form);
        }
        else {
            form = sigil_spec_to_bool_always_true(TOP(), &rec);
            sigil_spec_attempt_record(rt, ts, sc, PCI, word, SIGIL_FAM_TO_BOOL, form, &rec);
        }
    }
to_bool_generic : {
    PyObject *v = TOP();
    int t = PyObject_IsTrue(v);
    Py_DECREF(v);
    if (t < 0) {
        ERROR_POP(1);
    }
    TOP() = t ? Py_True : Py_False;
    NEXT();
}

op_BINARY_OP:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_BINARY_OP)) {
        sigil_spec_attempt(rt, ts, sc, PCI, word, SIGIL_FAM_BINARY_OP,
                           sigil_spec_binary_op(OPARG, PEEK(2), PEEK(1), NEXT_UNIT, frame->localsplus,
                                                SITE_UNSTABLE()));
    }
binary_op_generic : {
    PyObject *rhs = POP();
    PyObject *lhs = TOP();
    PyObject *r = _PyEval_BinaryOps[OPARG](lhs, rhs);
    Py_DECREF(lhs);
    Py_DECREF(rhs);
    if (r == NULL) {
        ERROR_POP(1);
    }
    TOP() = r;
    NEXT();
}

op_COMPARE_OP:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_COMPARE_OP)) {
        sigil_spec_attempt(rt, ts, sc, PCI, word, SIGIL_FAM_COMPARE_OP,
                           sigil_spec_compare_op(OPARG, PEEK(2), PEEK(1), SITE_UNSTABLE()));
    }
compare_op_generic : {
    PyObject *rhs = POP();
    PyObject *lhs = TOP();
    PyObject *r = PyObject_RichCompare(lhs, rhs, OPARG >> 5);
    Py_DECREF(lhs);
    Py_DECREF(rhs);
    if (r == NULL) {
        ERROR_POP(1);
    }
    if (OPARG & 16) {
        int t = PyObject_IsTrue(r);
        Py_DECREF(r);
        if (t < 0) {
            ERROR_POP(1);
        }
        r = t ? Py_True : Py_False;
    }
    TOP() = r;
    NEXT();
}

op_IS_OP: {
    PyObject *rhs = POP();
    PyObject *lhs = TOP();
    int r = Py_Is(lhs, rhs) ^ OPARG;
    Py_DECREF(lhs);
    Py_DECREF(rhs);
    TOP() = r ? Py_True : Py_False;
    NEXT_NC();
}

op_CONTAINS_OP:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_CONTAINS_OP)) {
        sigil_spec_attempt(rt, ts, sc, PCI, word, SIGIL_FAM_CONTAINS_OP, sigil_spec_contains_op(TOP()));
    }
contains_op_generic : {
    PyObject *container = POP();
    PyObject *item = TOP();
    int r = PySequence_Contains(container, item);
    Py_DECREF(item);
    Py_DECREF(container);
    if (r < 0) {
        ERROR_POP(1);
    }
    TOP() = (r ^ OPARG) ? Py_True : Py_False;
    NEXT();
}

/* -- Subscripts and slices -- */
op_BINARY_SUBSCR:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_BINARY_SUBSCR)) {
        /* A builtin container's form, else a class's Python __getitem__
         * (whose failure reasons then stand). */
        int form = sigil_spec_binary_subscr(PEEK(2), PEEK(1), SITE_UNSTABLE());
        if (form == sigil_spec_fail(SIGIL_SF_container_kind)) {
            sigil_record rec = {0};
            form = sigil_spec_binary_subscr_getitem(PEEK(2), &rec);
            sigil_spec_attempt_record(rt, ts, sc, PCI, word, SIGIL_FAM_BINARY_SUBSCR, form, &rec);
        }
        else {
            sigil_spec_attempt(rt, ts, sc, PCI, word, SIGIL_FAM_BINARY_SUBSCR, form);
        }
    }
binary_subscr_generic : {
    PyObject *sub = POP();
    PyObject *container = TOP();
    PyObject *r = PyObject_GetItem(container, sub);
    Py_DECREF(container);
    Py_DECREF(sub);
    if (r == NULL) {
        ERROR_POP(1);
    }
    TOP() = r;
    NEXT();
}

op_STORE_SUBSCR:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_STORE_SUBSCR)) {
        sigil_spec_attempt(rt, ts, sc, PCI, word, SIGIL_FAM_STORE_SUBSCR,
                           sigil_spec_store_subscr(PEEK(2), PEEK(1)));
    }
store_subscr_generic : {
    PyObject *sub = POP();
    PyObject *container = POP();
    PyObject *v = POP();
    int err = PyObject_SetItem(container, sub, v);
    Py_DECREF(v);
    Py_DECREF(container);
    Py_DECREF(sub);
    if (err) {
        goto error;
    }
    NEXT();
}

op_DELETE_SUBSCR: {
    PyObject *sub = POP();
    PyObject *container = POP();
    int err = PyObject_DelItem(container, sub);
    Py_DECREF(container);
    Py_DECREF(sub);
    if (err) {
        goto error;
    }
    NEXT_NC();
}

op_BINARY_SLICE: {
    PyObject *stop = POP();
    PyObject *start = POP();
    PyObject *container = TOP();
    PyObject *slice = _PyBuildSlice_ConsumeRefs(start, stop);
    PyObject *r = NULL;
    if (slice != NULL) {
        r = PyObject_GetItem(container, slice);
        Py_DECREF(slice);
    }
    Py_DECREF(container);
    if (r == NULL) {
        ERROR_POP(1);
    }
    TOP() = r;
    NEXT_NC();
}

op_STORE_SLICE: {
    PyObject *stop = POP();
    PyObject *start = POP();
    PyObject *container = POP();
    PyObject *v = POP();
    PyObject *slice = _PyBuildSlice_ConsumeRefs(start, stop);
    int err = 1;
    if (slice != NULL) {
        err = PyObject_SetItem(container, slice, v);
        Py_DECREF(slice);
    }
    Py_DECREF(v);
    Py_DECREF(container);
    if (err) {
        goto error;
    }
    NEXT_NC();
}

op_BUILD_SLICE: {
    PyObject *step = OPARG == 3 ? POP() : NULL;
    PyObject *stop = POP();
    PyObject *start = TOP();
    PyObject *slice = PySlice_New(start, stop, step);
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_XDECREF(step);
    if (slice == NULL) {
        ERROR_POP(1);
    }
    TOP() = slice;
    NEXT_NC();
}

/* -- Building containers and strings -- */
op_BUILD_TUPLE: {
    PyObject *t = _PyTuple_FromArraySteal(sp - OPARG, OPARG);
    sp -= OPARG;
    if (t == NULL) {
        goto error;
    }
    PUSH(t);
    NEXT_NC();
}

op_BUILD_LIST: {
    PyObject *l = _PyList_FromArraySteal(sp - OPARG, OPARG);
    sp -= OPARG;
    if (l == NULL) {
        goto error;
    }
    PUSH(l);
    NEXT_NC();
}

op_BUILD_SET: {
    PyObject *set = PySet_New(NULL);
    if (set == NULL) {
        goto error;   /* the items stay on the stack; unwinding frees them */
    }
    int err = 0;
    PyObject **items = sp - OPARG;
    for (int i = 0; i < OPARG; i++) {
        if (err == 0) {
            err = PySet_Add(set, items[i]);
        }
        Py_DECREF(items[i]);
    }
    sp -= OPARG;
    if (err != 0) {
        Py_DECREF(set);
        goto error;
    }
    PUSH(set);
    NEXT_NC();
}

op_BUILD_MAP: {
    PyObject **items = sp - 2 * OPARG;
    PyObject *map = _PyDict_FromItems(items, 2, items + 1, 2, OPARG);
    for (int i = 0; i < 2 * OPARG; i++) {
        Py_DECREF(items[i]);
    }
    sp -= 2 * OPARG;
    if (map == NULL) {
        goto error;
    }
    PUSH(map);
    NEXT_NC();
}

op_BUILD_CONST_KEY_MAP: {
    PyObject *keys = POP();
    PyObject **values = sp - OPARG;
    PyObject *map = _PyDict_FromItems(&PyTuple_GET_ITEM(keys, 0), 1, values, 1, OPARG);
    for (int i = 0; i < OPARG; i++) {
        Py_DECREF(values[i]);
    }
    Py_DECREF(keys);
    sp -= OPARG;
    if (map == NULL) {
        goto error;
    }
    PUSH(map);
    NEXT_NC();
}

op_BUILD_STRING: {
    PyObject **pieces = sp - OPARG;
    PyObject *s = _PyUnicode_JoinArray(&_Py_STR(empty), pieces, OPARG);
    for (int i = 0; i < OPARG; i++) {
        Py_DECREF(pieces[i]);
    }
    sp -= OPARG;
    if (s == NULL) {
        goto error;
    }
    PUSH(s);
    NEXT_NC();
}

op_LIST_APPEND: {
    PyObject *v = POP();
    if (_PyList_AppendTakeRef((PyListObject *)PEEK(OPARG), v) < 0) {
        goto error;
    }
    NEXT_NC();
}

op_SET_ADD: {
    PyObject *v = POP();
    int err = PySet_Add(PEEK(OPARG), v);
    Py_DECREF(v);
    if (err) {
        goto error;
    }
    NEXT_NC();
}

op_MAP_ADD: {
    PyObject *value = POP();
    PyObject *key = POP();
    /* _PyDict_SetItem_Take2 steals key and value. */
    if (_PyDict_SetItem_Take2((PyDictObject *)PEEK(OPARG), key, value) != 0) {
        goto error;
    }
    NEXT_NC();
}

op_LIST_EXTEND: {
    PyObject *iterable = POP();
    PyObject *list = PEEK(OPARG);
    PyObject *none = _PyList_Extend((PyListObject *)list, iterable);
    if (none == NULL) {
        if (_PyErr_ExceptionMatches(tstate, PyExc_TypeError) &&
            Py_TYPE(iterable)->tp_iter == NULL && !PySequence_Check(iterable)) {
            _PyErr_Clear(tstate);
            _PyErr_Format(tstate, PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                          Py_TYPE(iterable)->tp_name);
        }
        Py_DECREF(iterable);
        goto error;
    }
    Py_DECREF(none);
    Py_DECREF(iterable);
    NEXT_NC();
}

op_SET_UPDATE: {
    PyObject *iterable = POP();
    int err = _PySet_Update(PEEK(OPARG), iterable);
    Py_DECREF(iterable);
    if (err < 0) {
        goto error;
    }
    NEXT_NC();
}

op_DICT_UPDATE: {
    PyObject *update = POP();
    PyObject *dict = PEEK(OPARG);
    if (PyDict_Update(dict, update) < 0) {
        if (_PyErr_ExceptionMatches(tstate, PyExc_AttributeError)) {
            _PyErr_Format(tstate, PyExc_TypeError, "'%.200s' object is not a mapping",
                          Py_TYPE(update)->tp_name);
        }
        Py_DECREF(update);
        goto error;
    }
    Py_DECREF(update);
    NEXT_NC();
}

op_DICT_MERGE: {
    PyObject *update = POP();
    PyObject *dict = PEEK(OPARG);
    PyObject *callable = PEEK(OPARG + 3);
    if (_PyDict_MergeEx(dict, update, 2) < 0) {
        _PyEval_FormatKwargsError(tstate, callable, update);
        Py_DECREF(update);
        goto error;
    }
    Py_DECREF(update);
    NEXT_NC();
}

/* -- Formatting -- */
op_CONVERT_VALUE: {
    PyObject *v = TOP();
    PyObject *r = _PyEval_ConversionFuncs[OPARG](v);
    Py_DECREF(v);
    if (r == NULL) {
        ERROR_POP(1);
    }
    TOP() = r;
    NEXT_NC();
}

op_FORMAT_SIMPLE: {
    PyObject *v = TOP();
    if (!PyUnicode_CheckExact(v)) {
        PyObject *r = PyObject_Format(v, NULL);
        Py_DECREF(v);
        if (r == NULL) {
            ERROR_POP(1);
        }
        TOP() = r;
    }
    NEXT_NC();
}

op_FORMAT_WITH_SPEC: {
    PyObject *spec = POP();
    PyObject *v = TOP();
    PyObject *r = PyObject_Format(v, spec);
    Py_DECREF(v);
    Py_DECREF(spec);
    if (r == NULL) {
        ERROR_POP(1);
    }
    TOP() = r;
    NEXT_NC();
}

/* -- Unpacking -- */
op_UNPACK_SEQUENCE:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_UNPACK_SEQUENCE)) {
        sigil_spec_attempt(rt, ts, sc, PCI, word, SIGIL_FAM_UNPACK_SEQUENCE,
                           sigil_spec_unpack_sequence(TOP(), OPARG));
    }
unpack_sequence_generic : {
    PyObject *seq = TOP();
    int ok = _PyEval_UnpackIterable(tstate, seq, OPARG, -1, sp + OPARG - 1);
    Py_DECREF(seq);
    if (ok == 0) {
        ERROR_POP(1);
    }
    sp += OPARG - 1;
    NEXT();
}

op_UNPACK_EX: {
    int total = 1 + (OPARG & 0xFF) + (OPARG >> 8);
    PyObject *seq = TOP();
    int ok = _PyEval_UnpackIterable(tstate, seq, OPARG & 0xFF, OPARG >> 8, sp + total - 1);
    Py_DECREF(seq);
    if (ok == 0) {
        ERROR_POP(1);
    }
    sp += total - 1;
    NEXT_NC();
}

/* -- Control flow -- */
op_JUMP_FORWARD:
    JUMP_TO_PURE((pc + 1) + OPARG);

/* Past the monitoring check unless the eval-breaker check handled an
 * event (which may stop the world, and so let another thread instrument
 * this code). */
op_JUMP_BACKWARD:
    CHECK_EVAL_BREAKER_ELSE(JUMP_TO_PURE(NEXT_UNIT - OPARG));
    JUMP_TO(NEXT_UNIT - OPARG);

op_JUMP_BACKWARD_NO_INTERRUPT:
    /* Used in yield-from/await loops: interrupts are handled in the
     * innermost generator, so no eval-breaker check here (and nothing
     * runs: no monitoring check either). */
    JUMP_TO_PURE((pc + 1) - OPARG);

/* The condition is a bool (immortal: nothing to drop). */
op_POP_JUMP_IF_FALSE: {
    PyObject *cond = POP();
    assert(PyBool_Check(cond));
    if (Py_IsFalse(cond)) {
        JUMP_TO_PURE(NEXT_UNIT + OPARG);
    }
    NEXT_PURE();
}

op_POP_JUMP_IF_TRUE: {
    PyObject *cond = POP();
    assert(PyBool_Check(cond));
    if (Py_IsTrue(cond)) {
        JUMP_TO_PURE(NEXT_UNIT + OPARG);
    }
    NEXT_PURE();
}

op_POP_JUMP_IF_NONE: {
    PyObject *v = POP();
    if (Py_IsNone(v)) {
        JUMP_TO(NEXT_UNIT + OPARG);
    }
    Py_DECREF(v);
    NEXT();
}

op_POP_JUMP_IF_NOT_NONE: {
    PyObject *v = POP();
    if (!Py_IsNone(v)) {
        Py_DECREF(v);
        JUMP_TO(NEXT_UNIT + OPARG);
    }
    NEXT();
}

/* -- Iteration -- */
op_GET_ITER: {
    PyObject *v = TOP();
    PyObject *it = PyObject_GetIter(v);
    Py_DECREF(v);
    if (it == NULL) {
        ERROR_POP(1);
    }
    TOP() = it;
    NEXT_NC();
}

op_GET_YIELD_FROM_ITER: {
    PyObject *v = TOP();
    if (PyCoro_CheckExact(v)) {
        if (!(co->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
            _PyErr_SetString(tstate, PyExc_TypeError,
                             "cannot 'yield from' a coroutine object in a non-coroutine generator");
            goto error;
        }
    }
    else if (!PyGen_CheckExact(v)) {
        PyObject *it = PyObject_GetIter(v);
        if (it == NULL) {
            goto error;
        }
        Py_DECREF(v);
        TOP() = it;
    }
    NEXT_NC();
}

op_FOR_ITER:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_FOR_ITER)) {
        sigil_spec_attempt(rt, ts, sc, PCI, word, SIGIL_FAM_FOR_ITER, sigil_spec_for_iter(TOP()));
    }
for_iter_generic : {
    PyObject *it = TOP();
    PyObject *v = (*Py_TYPE(it)->tp_iternext)(it);
    if (v == NULL) {
        if (_PyErr_Occurred(tstate)) {
            if (!_PyErr_ExceptionMatches(tstate, PyExc_StopIteration)) {
                goto error;
            }
            _PyErr_Clear(tstate);
        }
        /* Exhausted: pop the iterator and skip the END_FOR, POP_TOP pair
         * at the jump target. */
        Py_DECREF(it);
        sp--;
        JUMP_TO(NEXT_UNIT + OPARG + 2);
    }
    PUSH(v);
    NEXT();
}

op_GET_LEN: {
    Py_ssize_t n = PyObject_Length(TOP());
    if (n < 0) {
        goto error;
    }
    PyObject *r = PyLong_FromSsize_t(n);
    if (r == NULL) {
        goto error;
    }
    PUSH(r);
    NEXT_NC();
}

/* -- Pattern matching -- */
op_MATCH_CLASS: {
    PyObject *names = POP();
    PyObject *type = POP();
    PyObject *subject = TOP();
    PyObject *attrs = _PyEval_MatchClass(tstate, subject, type, OPARG, names);
    Py_DECREF(subject);
    Py_DECREF(type);
    Py_DECREF(names);
    if (attrs == NULL) {
        if (_PyErr_Occurred(tstate)) {
            ERROR_POP(1);
        }
        attrs = Py_None;
    }
    TOP() = attrs;
    NEXT_NC();
}

op_MATCH_MAPPING: {
    PyObject *r = (Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_MAPPING) ? Py_True : Py_False;
    PUSH(r);
    NEXT_NC();
}

op_MATCH_SEQUENCE: {
    PyObject *r = (Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_SEQUENCE) ? Py_True : Py_False;
    PUSH(r);
    NEXT_NC();
}

op_MATCH_KEYS: {
    PyObject *values = _PyEval_MatchKeys(tstate, PEEK(2), TOP());
    if (values == NULL) {
        goto error;
    }
    PUSH(values);
    NEXT_NC();
}

/* -- Exceptions -- */
op_RAISE_VARARGS: {
    PyObject *cause = NULL, *exc = NULL;
    if (OPARG == 2) {
        cause = POP();
    }
    if (OPARG >= 1) {
        exc = POP();
    }
    if (OPARG > 2) {
        _PyErr_SetString(tstate, PyExc_SystemError, "bad RAISE_VARARGS oparg");
        goto error;
    }
    if (raise_exception(tstate, exc, cause)) {
        UNWIND_HERE();
    }
    goto error;
}

op_RERAISE: {
    PyObject *exc = POP();
    if (OPARG) {
        PyObject *lasti = PEEK(OPARG);
        if (!PyLong_Check(lasti)) {
            _PyErr_SetString(tstate, PyExc_SystemError, "lasti is not an int");
            Py_DECREF(exc);
            goto error;
        }
        frame->instr_ptr = code0 + PyLong_AsLong(lasti);
    }
    _PyErr_SetRaisedException(tstate, exc);
    UNWIND_HERE();
}

op_PUSH_EXC_INFO: {
    PyObject *exc = TOP();
    _PyErr_StackItem *info = tstate->exc_info;
    PyObject *prev = info->exc_value != NULL ? info->exc_value : Py_None;
    info->exc_value = Py_NewRef(exc);
    TOP() = prev;
    PUSH(exc);
    NEXT_NC();
}

op_POP_EXCEPT: {
    PyObject *v = POP();
    _PyErr_StackItem *info = tstate->exc_info;
    Py_XSETREF(info->exc_value, Py_IsNone(v) ? NULL : v);
    NEXT_NC();
}

op_CHECK_EXC_MATCH: {
    PyObject *right = POP();
    PyObject *left = TOP();
    if (_PyEval_CheckExceptTypeValid(tstate, right) < 0) {
        Py_DECREF(right);
        goto error;
    }
    int r = PyErr_GivenExceptionMatches(left, right);
    Py_DECREF(right);
    PUSH(r ? Py_True : Py_False);
    NEXT_NC();
}

op_CHECK_EG_MATCH: {
    PyObject *match_type = POP();
    PyObject *exc_value = POP();
    if (_PyEval_CheckExceptStarTypeValid(tstate, match_type) < 0) {
        Py_DECREF(exc_value);
        Py_DECREF(match_type);
        goto error;
    }
    PyObject *match = NULL, *rest = NULL;
    int r = _PyEval_ExceptionGroupMatch(exc_value, match_type, &match, &rest);
    Py_DECREF(exc_value);
    Py_DECREF(match_type);
    if (r < 0 || match == NULL) {
        goto error;
    }
    if (!Py_IsNone(match)) {
        PyErr_SetHandledException(match);
    }
    PUSH(rest);
    PUSH(match);
    NEXT_NC();
}

op_WITH_EXCEPT_START: {
    PyObject *val = PEEK(1);
    PyObject *exit_func = PEEK(4);
    PyObject *tb = PyException_GetTraceback(val);
    if (tb == NULL) {
        tb = Py_None;
    }
    else {
        Py_DECREF(tb);   /* the exception keeps it alive */
    }
    PyObject *stack[4] = {NULL, PyExceptionInstance_Class(val), val, tb};
    PyObject *r = PyObject_Vectorcall(exit_func, stack + 1, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    if (r == NULL) {
        goto error;
    }
    PUSH(r);
    NEXT_NC();
}

op_BEFORE_ASYNC_WITH:
    async_with = 1;
    goto before_with;
op_BEFORE_WITH:
    async_with = 0;
before_with : {
    int async = async_with;
    PyObject *mgr = TOP();
    PyObject *enter = _PyObject_LookupSpecial(mgr, async ? &_Py_ID(__aenter__) : &_Py_ID(__enter__));
    if (enter == NULL) {
        if (!_PyErr_Occurred(tstate)) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          async ? "'%.200s' object does not support the asynchronous context manager protocol"
                                : "'%.200s' object does not support the context manager protocol",
                          Py_TYPE(mgr)->tp_name);
        }
        goto error;
    }
    PyObject *exit = _PyObject_LookupSpecial(mgr, async ? &_Py_ID(__aexit__) : &_Py_ID(__exit__));
    if (exit == NULL) {
        if (!_PyErr_Occurred(tstate)) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          async ? "'%.200s' object does not support the asynchronous context manager "
                                  "protocol (missed __aexit__ method)"
                                : "'%.200s' object does not support the context manager protocol "
                                  "(missed __exit__ method)",
                          Py_TYPE(mgr)->tp_name);
        }
        Py_DECREF(enter);
        goto error;
    }
    Py_DECREF(mgr);
    TOP() = exit;
    PyObject *r = PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    if (r == NULL) {
        Py_DECREF(exit);
        ERROR_POP(1);
    }
    PUSH(r);
    NEXT();
}

op_CALL_INTRINSIC_1: {
    PyObject *v = TOP();
    PyObject *r = _PyIntrinsics_UnaryFunctions[OPARG].func(tstate, v);
    Py_DECREF(v);
    if (r == NULL) {
        ERROR_POP(1);
    }
    TOP() = r;
    NEXT_NC();
}

op_CALL_INTRINSIC_2: {
    PyObject *v1 = POP();
    PyObject *v2 = TOP();
    PyObject *r = _PyIntrinsics_BinaryFunctions[OPARG].func(tstate, v2, v1);
    Py_DECREF(v2);
    Py_DECREF(v1);
    if (r == NULL) {
        ERROR_POP(1);
    }
    TOP() = r;
    NEXT_NC();
}

/* -- Imports -- */
op_IMPORT_NAME: {
    PyObject *fromlist = POP();
    PyObject *level = TOP();
    PyObject *r = import_name(tstate, frame, NAME(OPARG), fromlist, level);
    Py_DECREF(level);
    Py_DECREF(fromlist);
    if (r == NULL) {
        ERROR_POP(1);
    }
    TOP() = r;
    NEXT_NC();
}

op_IMPORT_FROM: {
    PyObject *r = import_from(tstate, TOP(), NAME(OPARG));
    if (r == NULL) {
        goto error;
    }
    PUSH(r);
    NEXT_NC();
}

/* -- Functions -- */
op_MAKE_FUNCTION: {
    PyObject *code = TOP();
    PyFunctionObject *f = (PyFunctionObject *)PyFunction_New(code, frame->f_globals);
    Py_DECREF(code);
    if (f == NULL) {
        ERROR_POP(1);
    }
    _PyFunction_SetVersion(f, ((PyCodeObject *)code)->co_version);
    TOP() = (PyObject *)f;
    function_made(f);
    NEXT_NC();
}

op_SET_FUNCTION_ATTRIBUTE: {
    PyObject *func = POP();
    PyObject *attr = TOP();
    PyFunctionObject *f = (PyFunctionObject *)func;
    switch (OPARG) {
    case MAKE_FUNCTION_CLOSURE: f->func_closure = attr; break;
    case MAKE_FUNCTION_ANNOTATIONS: f->func_annotations = attr; break;
    case MAKE_FUNCTION_KWDEFAULTS: f->func_kwdefaults = attr; break;
    case MAKE_FUNCTION_DEFAULTS: f->func_defaults = attr; break;
    default:
        Py_DECREF(func);
        _PyErr_SetString(tstate, PyExc_SystemError, "bad SET_FUNCTION_ATTRIBUTE oparg");
        ERROR_POP(1);
    }
    TOP() = func;
    NEXT_NC();
}

op_CALL:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_CALL)) {
        sigil_record rec = {0};
        int form = sigil_spec_call_any(rt, PEEK(OPARG + 2), PEEK(OPARG + 1), OPARG, &rec);
        sigil_spec_attempt_record(rt, ts, sc, PCI, word, SIGIL_FAM_CALL, form, &rec);
    }
call_generic : {
    PyObject **args = sp - OPARG;
    PyObject *callable = args[-2];
    PyObject *self_or_null = args[-1];
    int total = OPARG;
    if (self_or_null != NULL) {
        args--;
        total++;
    }
    else if (Py_TYPE(callable) == &PyMethod_Type) {
        args--;
        total++;
        PyObject *self = ((PyMethodObject *)callable)->im_self;
        PyObject *func = ((PyMethodObject *)callable)->im_func;
        args[0] = Py_NewRef(self);
        args[-1] = Py_NewRef(func);
        Py_DECREF(callable);
        callable = func;
    }
    if (inlinable_function(callable)) {
        int flags = function_code_flags(callable);
        PyObject *locals = (flags & CO_OPTIMIZED) ? NULL : Py_NewRef(PyFunction_GET_GLOBALS(callable));
        /* The new frame takes the callable and every argument. */
        _PyInterpreterFrame *nf = _PyEvalFramePushAndInit(tstate, (PyFunctionObject *)callable,
                                                          locals, args, total, NULL);
        sp -= OPARG + 2;
        if (nf == NULL) {
            goto error;
        }
        frame->return_offset = (uint16_t)(NEXT_UNIT - pc);
        callee = nf;
        goto push_frame;
    }
    PyObject *r = PyObject_Vectorcall(callable, args, total | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    Py_DECREF(callable);
    for (int i = 0; i < total; i++) {
        Py_DECREF(args[i]);
    }
    sp -= OPARG + 2;
    if (r == NULL) {
        goto error;
    }
    PUSH(r);
    CHECK_EVAL_BREAKER();
    NEXT();
}

op_CALL_KW:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_CALL_KW)) {
        sigil_record rec = {0};
        int form = sigil_spec_call_kw(rt, PEEK(OPARG + 3), PEEK(OPARG + 2), OPARG, TOP(), &rec);
        sigil_spec_attempt_record(rt, ts, sc, PCI, word, SIGIL_FAM_CALL_KW, form, &rec);
    }
call_kw_generic : {
    PyObject *kwnames = POP();
    PyObject **args = sp - OPARG;
    PyObject *callable = args[-2];
    PyObject *self_or_null = args[-1];
    int total = OPARG;
    if (self_or_null != NULL) {
        args--;
        total++;
    }
    else if (Py_TYPE(callable) == &PyMethod_Type) {
        args--;
        total++;
        PyObject *self = ((PyMethodObject *)callable)->im_self;
        PyObject *func = ((PyMethodObject *)callable)->im_func;
        args[0] = Py_NewRef(self);
        args[-1] = Py_NewRef(func);
        Py_DECREF(callable);
        callable = func;
    }
    int npos = total - (int)PyTuple_GET_SIZE(kwnames);
    if (inlinable_function(callable)) {
        int flags = function_code_flags(callable);
        PyObject *locals = (flags & CO_OPTIMIZED) ? NULL : Py_NewRef(PyFunction_GET_GLOBALS(callable));
        _PyInterpreterFrame *nf = _PyEvalFramePushAndInit(tstate, (PyFunctionObject *)callable,
                                                          locals, args, npos, kwnames);
        Py_DECREF(kwnames);
        sp -= OPARG + 2;
        if (nf == NULL) {
            goto error;
        }
        frame->return_offset = (uint16_t)(NEXT_UNIT - pc);
        callee = nf;
        goto push_frame;
    }
    PyObject *r = PyObject_Vectorcall(callable, args, npos | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    Py_DECREF(kwnames);
    Py_DECREF(callable);
    for (int i = 0; i < total; i++) {
        Py_DECREF(args[i]);
    }
    sp -= OPARG + 2;
    if (r == NULL) {
        goto error;
    }
    PUSH(r);
    CHECK_EVAL_BREAKER();
    NEXT();
}

op_CALL_FUNCTION_EX: {
    PyObject *kwargs = (OPARG & 1) ? POP() : NULL;
    PyObject *callargs = POP();
    PyObject *null = POP();
    PyObject *func = POP();
    (void)null;
    if (!PyTuple_CheckExact(callargs)) {
        if (check_star_args(tstate, func, callargs) < 0) {
            goto call_ex_fail;
        }
        PyObject *t = PySequence_Tuple(callargs);
        if (t == NULL) {
            goto call_ex_fail;
        }
        Py_SETREF(callargs, t);
    }
    if (inlinable_function(func)) {
        int flags = function_code_flags(func);
        PyObject *locals = (flags & CO_OPTIMIZED) ? NULL : Py_NewRef(PyFunction_GET_GLOBALS(func));
        _PyInterpreterFrame *nf = push_frame_ex(tstate, (PyFunctionObject *)func, locals, callargs,
                                                kwargs);
        if (nf == NULL) {
            goto error;
        }
        frame->return_offset = 1;   /* CALL_FUNCTION_EX has no cache */
        callee = nf;
        goto push_frame;
    }
    PyObject *r = PyObject_Call(func, callargs, kwargs);
    Py_DECREF(func);
    Py_DECREF(callargs);
    Py_XDECREF(kwargs);
    if (r == NULL) {
        goto error;
    }
    PUSH(r);
    CHECK_EVAL_BREAKER();
    NEXT_NC();
call_ex_fail:
    /* Keep the stack balanced as CPython does: the inputs are released. */
    Py_DECREF(func);
    Py_DECREF(callargs);
    Py_XDECREF(kwargs);
    goto error;
}

op_EXIT_INIT_CHECK: {
    PyObject *v = POP();
    if (!Py_IsNone(v)) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(v)->tp_name);
        Py_DECREF(v);
        goto error;
    }
    NEXT_NC();
}

/* -- Returning -- */
op_RETURN_CONST:
    retval = new_ref(CONST(OPARG));
    goto return_value;

op_RETURN_VALUE:
    retval = POP();
    goto return_value;

return_value : {
    _PyFrame_SetStackPointer(frame, sp);
    tstate->py_recursion_remaining++;
    _PyInterpreterFrame *dying = frame;
    frame = tstate->current_frame = dying->previous;
    pop_returned_frame(tstate, dying);
    if (dying == entry) {
        goto exit_return;
    }
    goto resume_caller;
}

op_RETURN_GENERATOR: {
    PyFunctionObject *func = (PyFunctionObject *)frame->f_funcobj;
    PyGenObject *gen = (PyGenObject *)_Py_MakeCoro(func);
    if (gen == NULL) {
        goto error;
    }
    _PyFrame_SetStackPointer(frame, sp);
    _PyInterpreterFrame *gen_frame = (_PyInterpreterFrame *)gen->gi_iframe;
    frame->instr_ptr++;
    _PyFrame_Copy(frame, gen_frame);
    gen->gi_frame_state = FRAME_CREATED;
    gen_frame->owner = FRAME_OWNED_BY_GENERATOR;
    tstate->py_recursion_remaining++;
    retval = (PyObject *)gen;
    _PyInterpreterFrame *dying = frame;
    frame = tstate->current_frame = dying->previous;
    _PyThreadState_PopFrame(tstate, dying);
    if (dying == entry) {
        goto exit_return;
    }
    goto resume_caller;
}

op_YIELD_VALUE: {
    /* The yielding frame is this activation's entry frame (the generator
     * was resumed through the frame hook) or a generator frame SEND_GEN
     * ran inline; the caller then continues after its SEND (or FOR_ITER:
     * both have the same cache size), with the value pushed. */
    retval = POP();
    frame->instr_ptr++;
    PyGenObject *gen = _PyFrame_GetGenerator(frame);
    _PyFrame_SetStackPointer(frame, sp);
    tstate->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = NULL;
    /* Release: whoever claims the frame next (SEND_GEN's CAS) sees every
     * write this thread made to it. The stock loop stores plainly; its
     * readers are its own unsynchronized checks. */
    sigil_gen_release_frame(gen, (int8_t)(FRAME_SUSPENDED + OPARG));
    tstate->py_recursion_remaining++;
    _PyInterpreterFrame *gen_frame = frame;
    frame = tstate->current_frame = gen_frame->previous;
    gen_frame->previous = NULL;
    if (gen_frame == entry) {
        goto exit_return;
    }
    _Static_assert(INLINE_CACHE_ENTRIES_SEND == INLINE_CACHE_ENTRIES_FOR_ITER,
                   "a yield resumes after SEND or FOR_ITER alike");
    frame->return_offset = 1 + INLINE_CACHE_ENTRIES_SEND;
    goto resume_caller;
}

/* -- Generators and coroutines -- */
op_SEND:
    if (sigil_spec_should_try(ts, sc, PCI, SIGIL_FAM_SEND)) {
        sigil_spec_attempt(rt, ts, sc, PCI, word, SIGIL_FAM_SEND, sigil_spec_send(PEEK(2)));
    }
send_generic : {
    PyObject *v = POP();
    PyObject *receiver = TOP();
    PyObject *r;
    if (Py_IsNone(v) && PyIter_Check(receiver)) {
        r = Py_TYPE(receiver)->tp_iternext(receiver);
    }
    else {
        r = PyObject_CallMethodOneArg(receiver, &_Py_ID(send), v);
    }
    if (r == NULL) {
        if (_PyGen_FetchStopIterationValue(&r) == 0) {
            Py_DECREF(v);
            PUSH(r);
            JUMP_TO(NEXT_UNIT + OPARG);
        }
        PUSH(v);
        goto error;
    }
    Py_DECREF(v);
    PUSH(r);
    NEXT();
}

op_GET_AWAITABLE: {
    PyObject *iterable = TOP();
    PyObject *it = _PyCoro_GetAwaitableIter(iterable);
    if (it == NULL) {
        _PyEval_FormatAwaitableError(tstate, Py_TYPE(iterable), OPARG);
    }
    Py_DECREF(iterable);
    if (it != NULL && PyCoro_CheckExact(it)) {
        PyObject *yf = _PyGen_yf((PyGenObject *)it);
        if (yf != NULL) {
            Py_DECREF(yf);
            Py_CLEAR(it);
            _PyErr_SetString(tstate, PyExc_RuntimeError, "coroutine is being awaited already");
        }
    }
    if (it == NULL) {
        ERROR_POP(1);
    }
    TOP() = it;
    NEXT_NC();
}

op_GET_AITER: {
    PyObject *obj = TOP();
    PyTypeObject *type = Py_TYPE(obj);
    unaryfunc getter = type->tp_as_async != NULL ? type->tp_as_async->am_aiter : NULL;
    if (getter == NULL) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "'async for' requires an object with __aiter__ method, got %.100s",
                      type->tp_name);
        Py_DECREF(obj);
        ERROR_POP(1);
    }
    PyObject *it = getter(obj);
    Py_DECREF(obj);
    if (it == NULL) {
        ERROR_POP(1);
    }
    if (Py_TYPE(it)->tp_as_async == NULL || Py_TYPE(it)->tp_as_async->am_anext == NULL) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "'async for' received an object from __aiter__ that does not implement "
                      "__anext__: %.100s", Py_TYPE(it)->tp_name);
        Py_DECREF(it);
        ERROR_POP(1);
    }
    TOP() = it;
    NEXT_NC();
}

op_GET_ANEXT: {
    PyObject *aiter = TOP();
    PyTypeObject *type = Py_TYPE(aiter);
    PyObject *awaitable;
    if (PyAsyncGen_CheckExact(aiter)) {
        awaitable = type->tp_as_async->am_anext(aiter);
        if (awaitable == NULL) {
            goto error;
        }
    }
    else {
        unaryfunc getter = type->tp_as_async != NULL ? type->tp_as_async->am_anext : NULL;
        if (getter == NULL) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "'async for' requires an iterator with __anext__ method, got %.100s",
                          type->tp_name);
            goto error;
        }
        PyObject *next_iter = getter(aiter);
        if (next_iter == NULL) {
            goto error;
        }
        awaitable = _PyCoro_GetAwaitableIter(next_iter);
        if (awaitable == NULL) {
            _PyErr_FormatFromCause(PyExc_TypeError,
                                   "'async for' received an invalid object from __anext__: %.100s",
                                   Py_TYPE(next_iter)->tp_name);
            Py_DECREF(next_iter);
            goto error;
        }
        Py_DECREF(next_iter);
    }
    PUSH(awaitable);
    NEXT_NC();
}

op_END_ASYNC_FOR: {
    PyObject *exc = POP();
    PyObject *awaitable = POP();
    if (PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
        Py_DECREF(awaitable);
        Py_DECREF(exc);
        NEXT_NC();
    }
    PUSH(awaitable);
    _PyErr_SetRaisedException(tstate, exc);
    UNWIND_HERE();
}

op_CLEANUP_THROW: {
    PyObject *exc_value = TOP();
    if (PyErr_GivenExceptionMatches(exc_value, PyExc_StopIteration)) {
        PyObject *value = Py_NewRef(((PyStopIterationObject *)exc_value)->value);
        PyObject *ev = POP();
        PyObject *last_sent = POP();
        PyObject *sub_iter = POP();
        Py_DECREF(ev);
        Py_DECREF(last_sent);
        Py_DECREF(sub_iter);
        PUSH(Py_None);
        PUSH(value);
        NEXT_NC();
    }
    _PyErr_SetRaisedException(tstate, Py_NewRef(exc_value));
    UNWIND_HERE();
}

/* -- Specialized forms built from micro-ops (specializer/sigil_steps.def) ----
 * Each form's handler runs its steps in order over an environment that
 * holds the stack pointer, the word, its record and the guards' snapshot
 * (specializer/sigil_uop.h). A step that misses (a guard, a load, a
 * contended mutation; never after an effect) releases what a load took,
 * counts guard.<FORM>.<UOP>, and takes its family's miss path. */
/* The environment a form's handler starts from, in the ordinary copy
 * (borrow 0) and in the borrowed one ("Borrowed owners" below). */
#define SIGIL_FORM_ENV(fam, borrow_)                                              \
        assert(SIGIL_W_NCACHE(word) == family_ncache[fam]);                       \
        e.sp = sp;                                                                \
        e.frame = frame;                                                          \
        e.tstate = tstate;                                                        \
        e.ts = ts;                                                                \
        e.co = co;                                                                \
        e.word = word;                                                            \
        e.pc = pc;                                                                \
        e.next = pc + 1 + family_ncache[fam];                                     \
        e.tmp = NULL;                                                             \
        e.callee = NULL;                                                          \
        e.callee_table = NULL;                                                    \
        e.code = NULL;                                                            \
        e.snap.obj = NULL;                                                        \
        e.snap.version = 0;                                                       \
        e.borrow = (borrow_);                                                     \
        e.quiet = 1;
/* A form that completed continues at its next instruction (without the
 * monitoring check if it is pure, see dispatch_pure, and no step passed a
 * safe point: env.quiet). */
#define SIGIL_FORM_LEAVE(stats_form)                                              \
        sp = e.sp;                                                                \
        if (form_pure[stats_form] && e.quiet) {                                   \
            JUMP_TO_PURE(e.next);                                                 \
        }                                                                         \
        JUMP_TO(e.next);
/* A borrowed copy's leave: pure also when `pure_borrowed` (a constant,
 * see bform_owner_pure). */
#define SIGIL_BFORM_LEAVE(stats_form, pure_borrowed)                              \
        sp = e.sp;                                                                \
        if ((form_pure[stats_form] || (pure_borrowed)) && e.quiet) {              \
            JUMP_TO_PURE(e.next);                                                 \
        }                                                                         \
        JUMP_TO(e.next);
/* A form's word kind is fixed by how its chooser publishes it
 * (sigil_steps.def), so the handler knows it without testing the word. */
#define SIGIL_FORM_WORD_RECORD(form)                                              \
        assert(SIGIL_W_IS_RECORD(word));                                          \
        frec = sigil_word_record(word);                                           \
    /* A polymorphic record's selector enters here with frec its entry (the     \
     * word stays the polymorphic one, which a miss deopts). */                 \
    enter_##form:                                                                 \
        e.rec = frec;                                                             \
        e.oparg = (int)frec->oparg;
#define SIGIL_FORM_WORD_IMMEDIATE(form)                                           \
        assert(!SIGIL_W_IS_RECORD(word));                                         \
        e.oparg = OPARG;                                                          \
        e.rec = NULL;
#define SIGIL_FORM_BEGIN(form, kind)                                              \
    op_##form: {                                                                  \
        sigil_uop_env e;                                                          \
        SIGIL_FORM_WORD_##kind(form)                                              \
        SIGIL_FORM_ENV(SIGIL_FORM_FAMILY_##form, 0)
#define SIGIL_STEP(form, uop)                                                     \
        switch (uop_##uop(&e)) {                                                  \
        case SIGIL_UOP_OK:                                                        \
            break;                                                                \
        case SIGIL_UOP_MISS:                                                      \
            Py_XDECREF(e.tmp);                                                    \
            uop_miss_step = SIGIL_STEP_##form##_##uop;                            \
            uop_miss_family = SIGIL_FORM_FAMILY_##form;                           \
            goto uop_miss;                                                        \
        case SIGIL_UOP_ERROR:                                                     \
            sigil_form_bump(ts, SIGIL_FORM_##form);                               \
            sp = e.sp;                                                            \
            goto error;                                                           \
        case SIGIL_UOP_PUSH_FRAME:                                                \
            sigil_form_bump(ts, SIGIL_FORM_##form);                               \
            sp = e.sp;                                                            \
            frame->return_offset = (uint16_t)(e.next - pc);                       \
            callee = e.callee;                                                    \
            callee_sc = e.callee_table;                                           \
            goto enter_callee;                                                    \
        case SIGIL_UOP_OK_CHECK:                                                  \
            sigil_form_bump(ts, SIGIL_FORM_##form);                               \
            sp = e.sp;                                                            \
            resume_at = e.next;                                                   \
            goto uop_ok_check;                                                    \
        case SIGIL_UOP_ENTER_ENTRY:                                               \
            sigil_form_bump(ts, SIGIL_FORM_##form);                               \
            frec = e.rec;                                                         \
            goto enter_entry;                                                     \
        }
#define SIGIL_FORM_END(form)                                                      \
        sigil_form_bump(ts, SIGIL_FORM_##form);                                   \
        SIGIL_FORM_LEAVE(SIGIL_FORM_##form)                                       \
    }
#include "sigil_steps.def"
#undef SIGIL_FORM_BEGIN
#undef SIGIL_STEP
#undef SIGIL_FORM_END
#undef SIGIL_FORM_WORD_RECORD
#undef SIGIL_FORM_WORD_IMMEDIATE

/* -- Borrowed owners -----------------------------------------------------------
 * An attribute load of a local (`self.x`, `p.method()`) is LOAD_FAST then a
 * LOAD_ATTR form that consumes the owner it pushed; an attribute store
 * (`self.x = v`) is LOAD_FAST (or LOAD_FAST_LOAD_FAST, the value first)
 * then a STORE_ATTR form that does the same. Counting a reference for
 * that one instruction costs two read-modify-writes of the owner's count
 * and the free-threaded build's owner test on each (about a third of such
 * a pair's instructions). A LOAD_FAST (or LOAD_FAST_LOAD_FAST) that the
 * word table marked as coming right before a LOAD_ATTR or a STORE_ATTR
 * (SIGIL_AUX_LOAD_FAST_OWNER) therefore looks at the next word: when it
 * is a form listed by SIGIL_BORROWDEF (sigil_spec.def), it pushes
 * the local without a reference and runs that form's borrowed copy,
 * expanded below from the same steps with env->borrow set, so the closing
 * action does not drop the owner (and PUSH_METHOD gives self its own
 * reference).
 *
 * Why the owner stays alive: the local holds it from the LOAD_FAST until
 * the form's last use of it, because only code this thread runs can rebind
 * one of its frame's locals (a store, or a write through frame.f_locals),
 * and until then no step of a borrowable form runs code, drops a
 * reference, or passes a safe point (so no collection either): the table
 * check in tests/unit/test_uops.c holds each listed form to guards, loads
 * that release nothing, a selector, and one closing action, with a store
 * form's mutation allowed just before it. That mutation's last act is the
 * release of the old value, which may run code (a __del__) and so rebind
 * the local and free the owner; it comes after the store and the unlock,
 * and the closing POP_STORE_ATTR does not read a borrowed owner. While
 * that code runs, the borrowed pointer sits in a stack slot nobody reads:
 * an executing frame's stack is not traversed (CPython marks its top
 * unknown while the frame runs, and _PyFrame_Traverse then visits none of
 * it). Another thread can rebind the local only through this frame's
 * f_locals, which races with the stock LOAD_FAST's own increment just the
 * same.
 *
 * Leaving: a guard that misses gives the stack its reference first (the
 * owner is still on top; no step has had an effect), then releases what a
 * load took, in that order because that release may run code, and takes
 * the family's ordinary miss path (a store's mutation misses only before
 * its effect, on a contended lock or a changed layout). A polymorphic
 * selector enters its entry's borrowed copy, or for an entry form that
 * cannot borrow (a getter's frame, a hinted dict lookup or store) counts
 * the reference and enters the ordinary copy. */
#define SIGIL_BFORM_WORD_RECORD(form)                                             \
        frec = sigil_word_record(word);                                           \
    benter_##form: __attribute__((unused));                                       \
        e.rec = frec;                                                             \
        e.oparg = (int)frec->oparg;
#define SIGIL_BFORM_WORD_IMMEDIATE(form)                                          \
        e.oparg = OPARG;                                                          \
        e.rec = NULL;
/* A borrowed copy's miss: the stack gets its references back first
 * (give_back_), then a load's result is released (which may run code),
 * and the family's ordinary miss path runs. */
#define SIGIL_BSTEP_MISS(step_, family_, give_back_)                              \
        case SIGIL_UOP_MISS:                                                      \
            give_back_;                                                           \
            Py_XDECREF(e.tmp);                                                    \
            uop_miss_step = (step_);                                              \
            uop_miss_family = (family_);                                          \
            goto uop_miss;
#define SIGIL_FORM_BEGIN(form, kind)                                              \
    bop_##form: __attribute__((unused));                                          \
    {                                                                             \
        sigil_uop_env e;                                                          \
        SIGIL_BFORM_WORD_##kind(form)                                             \
        SIGIL_FORM_ENV(SIGIL_FORM_FAMILY_##form, 1)
#define SIGIL_STEP(form, uop)                                                     \
        switch (uop_##uop(&e)) {                                                  \
        case SIGIL_UOP_OK:                                                        \
            break;                                                                \
        SIGIL_BSTEP_MISS(SIGIL_STEP_##form##_##uop, SIGIL_FORM_FAMILY_##form,    \
                         Py_INCREF(TOP()))                                        \
        case SIGIL_UOP_ENTER_ENTRY:                                               \
            sigil_form_bump(ts, SIGIL_FORM_##form);                               \
            frec = e.rec;                                                         \
            goto benter_entry;                                                    \
        SIGIL_BSTEP_ERROR(SIGIL_FORM_##form)                                      \
        default:                                                                  \
            goto borrow_broken;                                                   \
        }
/* An operand form's action that raises has released what the stack
 * counted and left e.sp below its operands (sigil_uop_drop_operands). */
#define SIGIL_BSTEP_ERROR(stats_form)                                             \
        case SIGIL_UOP_ERROR:                                                     \
            sigil_form_bump(ts, stats_form);                                      \
            sp = e.sp;                                                            \
            goto error;
#define SIGIL_FORM_END(form)                                                      \
        sigil_form_bump(ts, SIGIL_FORM_##form);                                   \
        if (sigil_counting()) {                                                   \
            sigil_stat_bump(ts, form_operand[SIGIL_FORM_##form]                   \
                                    ? SIGIL_STAT_operands_borrowed                \
                                    : SIGIL_STAT_owners_borrowed);                \
        }                                                                         \
        SIGIL_BFORM_LEAVE(SIGIL_FORM_##form, bform_owner_pure[SIGIL_FORM_##form]) \
    }
#include "sigil_steps.def"
#undef SIGIL_FORM_BEGIN
#undef SIGIL_STEP
#undef SIGIL_FORM_END

/* -- Borrowed operands ---------------------------------------------------------
 * The same for a binary form's operands (SIGIL_OPERANDDEF: +, -, * and
 * comparisons of ints and of floats, list subscripts). A LOAD_FAST marked
 * as coming right before a BINARY_OP, COMPARE_OP or BINARY_SUBSCR
 * (SIGIL_AUX_LOAD_FAST_OWNER) pushes the local uncounted and runs the
 * copy above with the top operand borrowed;
 * a marked LOAD_FAST_LOAD_FAST pushes both and runs the copy below, with
 * both borrowed. The free-threaded build pays for counting a reference
 * twice (the owner test and a read-modify-write of the local count, then
 * again to release it), and `dx * dx + dy * dy` is four such pairs.
 *
 * Why the operands stay alive: as for owners, the locals hold them until
 * the form's last use, since only code this thread runs can rebind a
 * local, and an operand form's guards run no code and its action reads
 * the operands before it releases anything (the counted operand it
 * releases first may be a list's last reference, and that may run code;
 * nothing reads a borrowed operand after it). Ints and floats are
 * immutable and a list item is read as the ordinary form reads it, so
 * whether the stack counts the operand changes nothing else but this:
 * a float whose one reference is the local's must not take the result in
 * place (uop_float_result tests env->borrow first).
 *
 * Leaving: a guard that misses gives the stack its references back (the
 * operands are still on top) before the generic instruction runs; an
 * action that raises (an index out of range, an allocation that failed)
 * has already released only the counted ones. */
#undef SIGIL_BFORM_WORD_RECORD
#define SIGIL_BFORM_WORD_RECORD(form)   /* (no operand form has a record) */      \
        e.rec = sigil_word_record(word);                                          \
        e.oparg = (int)e.rec->oparg;
#define SIGIL_FORM_BEGIN(form, kind)                                              \
    bop2_##form: __attribute__((unused));                                         \
    {                                                                             \
        sigil_uop_env e;                                                          \
        SIGIL_BFORM_WORD_##kind(form)                                             \
        SIGIL_FORM_ENV(SIGIL_FORM_FAMILY_##form, SIGIL_BORROW_TOS | SIGIL_BORROW_NOS)
#define SIGIL_STEP(form, uop)                                                     \
        switch (uop_##uop(&e)) {                                                  \
        case SIGIL_UOP_OK:                                                        \
            break;                                                                \
        SIGIL_BSTEP_MISS(SIGIL_STEP_##form##_##uop, SIGIL_FORM_FAMILY_##form,    \
                         Py_INCREF(TOP()); Py_INCREF(PEEK(2)))                    \
        SIGIL_BSTEP_ERROR(SIGIL_FORM_##form)                                      \
        default:                                                                  \
            goto borrow_broken;                                                   \
        }
#define SIGIL_FORM_END(form)                                                      \
        sigil_form_bump(ts, SIGIL_FORM_##form);                                   \
        if (sigil_counting()) {                                                   \
            sigil_stat_bump(ts, SIGIL_STAT_operands_borrowed);                    \
            sigil_stat_bump(ts, SIGIL_STAT_operands_borrowed);                    \
        }                                                                         \
        SIGIL_BFORM_LEAVE(SIGIL_FORM_##form, form_operand[SIGIL_FORM_##form])     \
    }
#include "sigil_steps.def"
#undef SIGIL_FORM_BEGIN
#undef SIGIL_STEP
#undef SIGIL_FORM_END
#undef SIGIL_BSTEP_ERROR
#undef SIGIL_BSTEP_MISS
#undef SIGIL_BFORM_WORD_RECORD
#undef SIGIL_BFORM_WORD_IMMEDIATE
#undef SIGIL_FORM_ENV
#undef SIGIL_FORM_LEAVE
#undef SIGIL_BFORM_LEAVE

benter_entry:
    goto *borrow_entry_targets[frec->form];
benter_own:
    /* An entry form that cannot run on a borrowed owner. */
    Py_INCREF(TOP());
    goto enter_entry;
borrow_broken:
    /* No borrowable form's step calls or checks the eval breaker, and only
     * an operand form's action raises (SIGIL_BSTEP_ERROR; test_uops.c);
     * a step that did otherwise would have left the stack in a state these
     * copies cannot unwind. */
    Py_FatalError("sigil: a borrowed-owner form returned an unexpected code");

/* One copy of the jump to a polymorphic entry's form. */
enter_entry:
    assert(entry_targets[frec->form] != NULL);
    goto *entry_targets[frec->form];

uop_miss:
    sigil_step_bump(ts, (sigil_step)uop_miss_step);
    goto *miss_targets[uop_miss_family];

/* One copy of the eval-breaker check for every form that ends with it (a
 * copy per form would cost the loop its inlining budget). */
uop_ok_check:
    CHECK_EVAL_BREAKER();
    JUMP_TO(resume_at);

miss_BINARY_OP:
    SPEC_MISS(BINARY_OP, binary_op_generic);
miss_COMPARE_OP:
    SPEC_MISS(COMPARE_OP, compare_op_generic);
miss_TO_BOOL:
    SPEC_MISS_OR_GROW(TO_BOOL, to_bool_generic,
                      SIGIL_W_OP(word) == TO_BOOL_MIXED &&
                          sigil_spec_to_bool_grow(rt, ts, sc, PCI, word, TOP()));
miss_SEND:
    SPEC_MISS(SEND, send_generic);
miss_FOR_ITER:
    SPEC_MISS(FOR_ITER, for_iter_generic);
miss_BINARY_SUBSCR:
    SPEC_MISS(BINARY_SUBSCR, binary_subscr_generic);
miss_STORE_SUBSCR:
    SPEC_MISS(STORE_SUBSCR, store_subscr_generic);
miss_CONTAINS_OP:
    SPEC_MISS(CONTAINS_OP, contains_op_generic);
miss_UNPACK_SEQUENCE:
    SPEC_MISS(UNPACK_SEQUENCE, unpack_sequence_generic);
/* A site that meets another type (or function) grows a polymorphic
 * record (sigil_spec_attr_grow, sigil_spec_call_grow,
 * sigil_spec_super_grow) instead of spending its miss budget. */
/* A super() site whose record spends its budget (more receiver types
 * than entries, or classes that keep changing) keeps the immediate form
 * (sigil_spec_super_demote) rather than going generic. */
miss_LOAD_SUPER_ATTR:
    SPEC_MISS_AT(SIGIL_FAM_LOAD_SUPER_ATTR, LOAD_SUPER_ATTR, load_super_attr_generic,
                 sigil_spec_super_grow(rt, ts, sc, PCI, word, PEEK(3), PEEK(2), TOP(),
                                       NAME(MISS_OPARG >> 2)),
                 sigil_spec_super_demote(rt, ts, sc, PCI, word, PEEK(3), PEEK(2)));
miss_LOAD_ATTR:
    SPEC_MISS_OR_GROW(LOAD_ATTR, load_attr_generic,
                      sigil_spec_attr_grow(rt, ts, sc, PCI, word, SIGIL_FAM_LOAD_ATTR, TOP(),
                                           NAME(MISS_OPARG >> 1), MISS_OPARG & 1));
miss_STORE_ATTR:
    SPEC_MISS_OR_GROW(STORE_ATTR, store_attr_generic,
                      sigil_spec_attr_grow(rt, ts, sc, PCI, word, SIGIL_FAM_STORE_ATTR, TOP(),
                                           NAME(MISS_OPARG), 0));

miss_CALL:
    SPEC_MISS_OR_GROW(CALL, call_generic,
                      sigil_spec_call_grow(rt, ts, sc, PCI, word, PEEK(MISS_OPARG + 2),
                                           PEEK(MISS_OPARG + 1), MISS_OPARG));
miss_CALL_KW:
    SPEC_MISS(CALL_KW, call_kw_generic);
/* A keys-version global or builtin whose keys changed keeps the
 * index-and-name form (sigil_spec_global_demote) instead of spending its
 * miss budget. */
miss_LOAD_GLOBAL:
    SPEC_MISS_OR_GROW(LOAD_GLOBAL, load_global_generic,
                      (SIGIL_W_OP(word) == LOAD_GLOBAL_MODULE_KEYS ||
                       SIGIL_W_OP(word) == LOAD_GLOBAL_BUILTIN_KEYED) &&
                          sigil_spec_global_demote(rt, ts, sc, PCI, word, frame->f_globals,
                                                   frame->f_builtins, NAME(MISS_OPARG >> 1)));

/* Opcodes absent from base bytecode (sigil_opcodes.def says why). */
op_unknown:
    ctx->load_reason = SIGIL_FB_unsupported_opcode;
    fb_error = 0;
    goto fallback;

/* -- Instrumentation appeared under a running frame ------------------------ */

monitored:
    /* The code has monitoring data: run on here only while no event is
     * active for it (tracing was on once and is off now). The event sets
     * are written with the world stopped, which orders them before this
     * thread's reads as it orders the pointer (see dispatch). */
    if (!monitoring_events_on(tstate, co->_co_monitoring)) {
        goto dispatch_pure;
    }
    /* Events are on: the stock loop runs the rest of the frame from this
     * instruction, whether or not it is itself instrumented (a pure
     * instruction after this one would not be checked). */
    /* frame->instr_ptr still names the previous instruction. A line event
     * depends on it (no event within one line), and the stock loop would
     * see only the current one, so fire the line event here, then let the
     * stock loop run the rest of the frame; its own INSTRUMENTED_LINE at
     * the same instruction is then a no-op, as within any one line. */
    if (pc->op.code == INSTRUMENTED_LINE && !tstate->tracing) {
        _Py_CODEUNIT *here = pc;
        _Py_CODEUNIT *prev = frame->instr_ptr;
        frame->instr_ptr = here;
        _PyFrame_SetStackPointer(frame, sp);
        int orig = _Py_call_instrumentation_line(tstate, frame, here, prev);
        sp = _PyFrame_GetStackPointer(frame);
        if (orig < 0) {
            unwind_at = pc;
            goto error_at_unit;
        }
        pc = frame->instr_ptr;   /* a tracer may set f_lineno */
    }
    ctx->load_reason = SIGIL_FB_instrumented;
    fb_error = 0;
    goto fallback;

/* -- Frame transitions ------------------------------------------------------ */

push_frame:
    /* A call pushed `callee` (initialized, not yet linked). */
    callee->previous = frame;
enter_callee:
    /* `callee` is linked (a form's action links what it pushes). The
     * caller parks its table for resume_caller (sigil_code.h, "Parked
     * tables"). */
    _PyFrame_SetStackPointer(frame, sp);
    sigil_park_table(sp, sc);
    /* The flag is read relaxed, as everywhere: it publishes nothing, and a
     * switch seen a call late only moves where counting starts. */
    if (__builtin_expect(sigil_counting_flag() != SIGIL_LOOP_COUNTING, 0)) {
        goto other_loop;
    }
    frame = tstate->current_frame = callee;
    callee = NULL;
    /* A callee starts at its first instruction, or a generator's after
     * RETURN_GENERATOR or a yield: the first dispatch checks its code's
     * monitoring and, before anything else can run, its RESUME the
     * instrumentation version, so load_frame checks only tracing. */
    ctx->entry_checked = SIGIL_CHECKED_INLINE;
    sigil_stat_bump(ts, SIGIL_STAT_frames_inlined);
    goto start_frame;

other_loop : {
    /* Counting was switched since this activation began: the callee (linked,
     * the caller's stack saved) runs on the other copy (see "Two loops"),
     * its result flowing back as the stock loop's does after a fallback. A
     * C activation more, only at a switch: the callee's own calls stay in
     * the other copy. */
    handed = callee;
    callee = NULL;
    callee_sc = NULL;
    handed_gen = handed->owner == FRAME_OWNED_BY_GENERATOR;
    retval = SIGIL_OTHER_LOOP_RUN(ts, rt, tstate, handed, 0, SIGIL_CHECKED_NONE);
    goto handed_back;
}

resume_caller : {
    /* `frame` is the caller of a frame that returned `retval` (or yielded
     * it): a frame this loop suspended at enter_callee, or CALL_ALLOC_AND_
     * ENTER_INIT's shim, so its table is parked in the slot the result
     * takes (sigil_code.h, "Parked tables"). Nothing else of load_frame
     * needs redoing: tracing, profiling or monitoring switched on
     * meanwhile instrumented every code object on a thread's stack, this
     * one included, with the world stopped (so its instrumentation version
     * is current too), and the monitoring check at `dispatch` then hands
     * the frame to the stock loop. */
    PyCodeObject *c = _PyFrame_GetCode(frame);
    sp = _PyFrame_GetStackPointer(frame);
    sigil_code *t = sigil_parked_table(sp);
    assert(t == (c == SIGIL_INIT_SHIM_CODE ? sigil_init_shim_table
                                           : sigil_code_get_fast(c, ctx->extra_index)));
    bind_code(c, t, &co, &sc, &code0, &wbias);
    PUSH(retval);
    retval = NULL;
    pc = frame->instr_ptr + frame->return_offset;
    goto dispatch;
}

/* -- Errors ---------------------------------------------------------------- */

error:
    /* The error arose in the instruction at pc (`word` is its word). */
    unwind_at = pc + SIGIL_W_NCACHE(word);
error_at_unit:
    if (!_PyErr_Occurred(tstate)) {
        _PyErr_SetString(tstate, PyExc_SystemError, "error return without exception set");
    }
    if (!_PyFrame_IsIncomplete(frame)) {
        PyFrameObject *f = _PyFrame_GetFrameObject(frame);
        if (f != NULL) {
            PyTraceBack_Here(f);
        }
    }

exception_unwind : {
    int level, handler, lasti;
    if (!find_handler(co, (int)(unwind_at - code0), &level, &handler, &lasti)) {
        PyObject **base = _PyFrame_Stackbase(frame);
        while (sp > base) {
            PyObject *o = POP();
            Py_XDECREF(o);
        }
        _PyFrame_SetStackPointer(frame, sp);
        goto exit_unwind;
    }
    PyObject **new_top = _PyFrame_Stackbase(frame) + level;
    while (sp > new_top) {
        PyObject *o = POP();
        Py_XDECREF(o);
    }
    if (lasti) {
        PyObject *l = PyLong_FromLong((long)(frame->instr_ptr - code0));
        if (l == NULL) {
            _PyFrame_SetStackPointer(frame, sp);
            goto exit_unwind;
        }
        PUSH(l);
    }
    PUSH(_PyErr_GetRaisedException(tstate));
    JUMP_TO(code0 + handler);
}

exit_unwind : {
    /* The frame ends with an exception: pop it, and raise in the caller. */
    tstate->py_recursion_remaining++;
    _PyInterpreterFrame *dying = frame;
    frame = tstate->current_frame = dying->previous;
    _PyEval_FrameClearAndPop(tstate, dying);
    if (dying == entry) {
        retval = NULL;
        goto exit_return;
    }
    frame->return_offset = 0;
    goto resume_with_error;
}

resume_with_error:
    /* An error arrives in `frame` from a callee or from gen.throw(); it is
     * handled at the unit before instr_ptr, as the stock loop does. */
    if (!load_frame(ctx, tstate, frame, NULL, &co, &sc, &code0, &wbias)) {
        sp = NULL;   /* the frame's stack pointer is already saved */
        fb_error = 1;
        goto fallback;
    }
    sp = _PyFrame_GetStackPointer(frame);
    pc = frame->instr_ptr;
    unwind_at = pc - 1;
    goto error_at_unit;

/* -- Leaving this loop -------------------------------------------------------- */

fallback : {
    /* Hand `frame` to the stock loop: at instruction pc (fb_error == 0), or
     * with the pending exception raised at its instr_ptr (fb_error == 1,
     * the stock loop's own throw/resume-with-error path). The stock loop
     * runs it to its end; the result flows back here like a return. */
    sigil_fallback_bump(ts, (sigil_fallback)ctx->load_reason);
    sigil_stat_bump(ts, SIGIL_STAT_midframe_fallbacks);
    if (!fb_error) {
        frame->instr_ptr = pc;
    }
    if (sp != NULL) {
        _PyFrame_SetStackPointer(frame, sp);
    }
    tstate->py_recursion_remaining++;          /* the stock loop charges it */
    tstate->current_frame = frame->previous;   /* ... and links the frame */
    handed = frame;
    handed_gen = handed->owner == FRAME_OWNED_BY_GENERATOR;
    sigil_stats_stock_enter(ctx->load_reason);
    retval = _PyEval_EvalFrameDefault(tstate, frame, fb_error);
    sigil_stats_stock_leave(ctx->load_reason);
    goto handed_back;
}

handed_back:
    /* `handed` ran to a return, a yield or an exception on another
     * evaluator (the stock loop after a fallback, the other copy of this
     * loop after a counting switch), which unlinked it: its caller is
     * current again, and `retval` is its result (NULL: raised). Whether it
     * was a generator's frame was read before the run (handed_gen): a frame
     * that returns is popped, and the data-stack chunk it began may be
     * freed with it, while a generator's frame lives in the generator,
     * which its caller's stack keeps alive. */
    frame = tstate->current_frame;
    if (handed == entry) {
        goto exit_return;
    }
    if (retval == NULL) {
        goto resume_with_error;
    }
    if (handed_gen && FRAME_STATE_SUSPENDED(_PyFrame_GetGenerator(handed)->gi_frame_state)) {
        /* A generator frame inlined by SEND_GEN or FOR_ITER_GEN yielded:
         * its caller continues after that instruction, not at its jump
         * target. The plain read of the state sees this thread's own last
         * store (it just ran the frame); a claim by another thread since
         * can only make the state executing or suspended again, never
         * finished, so the choice stands. */
        frame->return_offset = 1 + INLINE_CACHE_ENTRIES_SEND;
    }
    goto resume_caller;

exit_return:
    tstate->c_recursion_remaining += C_STACK_UNITS;
    if (SIGIL_COUNTS_INSTRUCTIONS) {
        sigil_counter_add(ts, SIGIL_CTR_STAT(SIGIL_STAT_instructions_sigil), ninstr);
    }
    return retval;
}
