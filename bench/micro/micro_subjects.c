/* micro_subjects.c: what the micro-benchmarks measure, written against
 * Sigil's real code (runtime/, specializer/), not copies of it. */
#include "micro_subjects.h"

#include <string.h>

#include "sigil_code.h"
#include "sigil_runtime.h"
#include "sigil_spec.h"
#include "sigil_uop.h"

static PyObject *fib_fn;
static PyObject *loop_fn;
static PyCodeObject *sample_code;
static PyCodeObject *target_code;   /* its LOAD_ATTR word is republished */
static Py_ssize_t sample_index;

static const char *src =
    "class Box:\n"
    "    def __init__(self, v):\n"
    "        self.v = v\n"
    "def fib(n):\n"
    "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
    "def target(o):\n"
    "    return o.x\n"
    "def loop(n):\n"
    "    b = Box(1)\n"
    "    s = 0\n"
    "    for i in range(n):\n"
    "        if i % 3 == 0:\n"
    "            s += b.v\n"
    "        else:\n"
    "            s -= 1\n"
    "    return s\n";

int
micro_init(const char *mode)
{
    sigil_options o;
    const char *err;
    sigil_options_init(&o, &err);
    if (sigil_mode_parse(mode, &o.mode) < 0) {
        return -1;
    }
    sigil_register_module();
    PyConfig cfg;
    PyConfig_InitIsolatedConfig(&cfg);
    PyStatus st = Py_InitializeFromConfig(&cfg);
    PyConfig_Clear(&cfg);
    if (PyStatus_Exception(st)) {
        return -1;
    }
    if (sigil_install(PyInterpreterState_Get(), &o) < 0) {
        PyErr_Print();
        return -1;
    }
    PyObject *g = PyDict_New();
    PyDict_SetItemString(g, "__builtins__", PyEval_GetBuiltins());
    PyObject *r = PyRun_String(src, Py_file_input, g, g);
    if (r == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(r);
    fib_fn = Py_NewRef(PyDict_GetItemString(g, "fib"));
    loop_fn = Py_NewRef(PyDict_GetItemString(g, "loop"));
    target_code = (PyCodeObject *)Py_NewRef(PyFunction_GET_CODE(PyDict_GetItemString(g, "target")));
    Py_DECREF(g);
    sample_code = (PyCodeObject *)PyFunction_GET_CODE(loop_fn);
    sigil_runtime *rt = sigil_runtime_find(PyInterpreterState_Get());
    sample_index = rt->extra_index;
    if (sigil_code_get_slow(sample_code, sample_index) == NULL ||
        sigil_code_get_slow(target_code, sample_index) == NULL) {
        return -1;
    }
    /* Release the main thread so benchmark threads can attach. */
    PyEval_SaveThread();
    return 0;
}

void
micro_fini(void)
{
}

int
micro_set_mode(int interp)
{
    PyGILState_STATE g = PyGILState_Ensure();
    sigil_options o;
    const char *err;
    sigil_options_init(&o, &err);
    o.mode = interp ? SIGIL_MODE_INTERP : SIGIL_MODE_OFF;
    int r = sigil_install(PyInterpreterState_Get(), &o);
    PyGILState_Release(g);
    return r;
}

uint64_t
micro_decode_table(void)
{
    sigil_code *sc = sigil_code_get_fast(sample_code, sample_index);
    uint64_t sum = 0;
    for (Py_ssize_t i = 0; i < sc->ncodeunits;) {
        sigil_word w = sigil_code_word(sc, i);
        sum += (uint64_t)SIGIL_W_OP(w) + (uint64_t)SIGIL_W_ARG(w);
        i += 1 + SIGIL_W_NCACHE(w);
    }
    return sum;
}

uintptr_t
micro_table_lookup(void)
{
    return (uintptr_t)sigil_code_get_fast(sample_code, sample_index);
}

void
micro_counter_bump(uint64_t n)
{
    sigil_tstate *ts = sigil_tstate_get();
    for (uint64_t i = 0; i < n; i++) {
        sigil_stat_bump(ts, SIGIL_STAT_frames_seen);
    }
}

uint64_t
micro_stats_snapshot(void)
{
    uint64_t snap[SIGIL_NCOUNTERS];
    sigil_stats_snapshot(snap);
    return snap[0];
}

static long
call_int(PyObject *fn, int n)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *arg = PyLong_FromLong(n);
    PyObject *r = PyObject_CallOneArg(fn, arg);
    Py_DECREF(arg);
    long v = -1;
    if (r == NULL) {
        PyErr_Print();
    }
    else {
        v = PyLong_AsLong(r);
        Py_DECREF(r);
    }
    PyGILState_Release(g);
    return v;
}

long
micro_call_fib(int n)
{
    return call_int(fib_fn, n);
}

long
micro_call_loop(int n)
{
    return call_int(loop_fn, n);
}

void
micro_sijil_cycle(uint64_t n)
{
    PyGILState_STATE g = PyGILState_Ensure();
    sigil_runtime *rt = sigil_runtime_find(PyInterpreterState_Get());
    sigil_tstate *ts = sigil_tstate_get();
    for (uint64_t i = 0; i < n; i++) {
        sigil_sijil_lock(rt, ts);
        sigil_sijil_unlock(rt);
    }
    PyGILState_Release(g);
}

long
micro_record_cycle(uint64_t n)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyThreadState *tstate = PyThreadState_Get();
    sigil_runtime *rt = sigil_runtime_find(tstate->interp);
    sigil_tstate *ts = sigil_tstate_get();
    sigil_code *sc = sigil_code_get_fast(target_code, sample_index);
    Py_ssize_t pc = -1;
    for (Py_ssize_t i = 0; i < sc->ncodeunits; i++) {
        if (SIGIL_W_OP(sigil_code_word(sc, i)) == LOAD_ATTR) {
            pc = i;
            break;
        }
    }
    long published = 0;
    sigil_record init = {0};   /* version 0 never matches: never executed */
    for (uint64_t i = 0; pc >= 0 && i < n; i++) {
        sigil_word generic = sigil_code_word(sc, pc);
        sigil_spec_attempt_record(rt, ts, sc, pc, generic, SIGIL_FAM_LOAD_ATTR,
                                  LOAD_ATTR_INSTANCE_VALUE, &init);
        sigil_word w = sigil_code_word(sc, pc);
        if (SIGIL_W_IS_RECORD(w)) {
            published++;
            sigil_spec_deopt(ts, sc, pc, w, SIGIL_FAM_LOAD_ATTR, LOAD_ATTR);
        }
        /* What the loop does at its eval-breaker checks: lets CPython free
         * retired records once the grace period has passed. */
        _Py_qsbr_quiescent_state(((_PyThreadStateImpl *)tstate)->qsbr);
    }
    PyGILState_Release(g);
    return published;
}

/* -- Micro-op bodies ------------------------------------------------------ */

long
micro_uop_cycle(int kind, uint64_t n)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyThreadState *tstate = PyThreadState_Get();
    PyObject *globals = PyDict_New();
    PyObject *builtins = PyEval_GetBuiltins();   /* borrowed */
    PyObject *name = PyUnicode_InternFromString("len");
    PyObject *ints[2] = {PyLong_FromLong(3), PyLong_FromLong(4)};
    PyObject *names = PyTuple_Pack(1, name);
    long passed = -1;
    if (globals == NULL || name == NULL || ints[0] == NULL || ints[1] == NULL || names == NULL) {
        goto done;
    }
    /* The record a specialized word would hold: the operand's type
     * version, the (empty) globals' and the builtins' keys versions and the
     * index of `len` in the builtins. */
    sigil_record rec = {0};
    uint32_t tv = PyUnstable_Type_AssignVersionTag(Py_TYPE(ints[0])) ? Py_TYPE(ints[0])->tp_version_tag : 0;
    PyInterpreterState *interp = tstate->interp;
    PyDictKeysObject *gk = ((PyDictObject *)globals)->ma_keys;
    PyDictKeysObject *bk = ((PyDictObject *)builtins)->ma_keys;
    uint32_t gv = _PyDictKeys_GetVersionForCurrentState(interp, gk);
    uint32_t bv = _PyDictKeys_GetVersionForCurrentState(interp, bk);
    Py_ssize_t ix = _PyDictKeys_StringLookup(bk, name);
    if (tv == 0 || gv == 0 || bv == 0 || ix < 0) {
        goto done;
    }
    rec.version = kind == 1 ? tv : gv;
    rec.version2 = bv;
    rec.index = (uint16_t)ix;

    _PyInterpreterFrame frame;
    memset(&frame, 0, sizeof(frame));
    frame.f_globals = globals;
    frame.f_builtins = builtins;
    PyCodeObject co;
    memset(&co, 0, sizeof(co));
    co.co_names = names;
    PyObject *stack[4] = {ints[0], ints[1], NULL, NULL};
    sigil_uop_env e;
    memset(&e, 0, sizeof(e));
    e.frame = &frame;
    e.tstate = tstate;
    e.ts = sigil_tstate_get();
    e.co = &co;
    e.rec = &rec;
    e.oparg = 0;   /* name index 0 */
    passed = 0;
    for (uint64_t i = 0; i < n; i++) {
        e.sp = stack + 2;
        switch (kind) {
        case 0:
            passed += uop_GUARD_NOS_INT(&e) == SIGIL_UOP_OK;
            passed += uop_GUARD_TOS_INT(&e) == SIGIL_UOP_OK;
            break;
        case 1:
            passed += uop_GUARD_TOS_TYPE_VERSION(&e) == SIGIL_UOP_OK;
            break;
        case 2:
            passed += uop_GUARD_GLOBALS_KEYS_VERSION(&e) == SIGIL_UOP_OK;
            break;
        default:
            if (uop_GUARD_BUILTINS_KEYS_VERSION(&e) == SIGIL_UOP_OK &&
                uop_LOAD_BUILTINS_ENTRY(&e) == SIGIL_UOP_OK) {
                passed++;
                Py_DECREF(e.tmp);
                e.tmp = NULL;
            }
            break;
        }
    }
done:
    Py_XDECREF(names);
    Py_XDECREF(ints[0]);
    Py_XDECREF(ints[1]);
    Py_XDECREF(name);
    Py_XDECREF(globals);
    PyGILState_Release(g);
    return passed;
}
