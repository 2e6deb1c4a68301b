/* sigil_module.c: the `sigil` Python module.
 *
 * sigil.info()        facts about the engine and the build (a dict)
 * sigil.stats()       a snapshot of every counter (a dict)
 * sigil.reset_stats() restart the counters from zero
 * sigil.print_stats() print the table PYTHON_SIGIL_STATS=1 prints at exit
 */
#include "sigil_world.h"
#include "sigil_runtime.h"
#include "sigil_code.h"
#include "sigil_uop.h"   /* SIGIL_INT_FREELIST */

/* Store key -> value (a new reference, stolen) in d. */
static int
put(PyObject *d, const char *key, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int r = PyDict_SetItemString(d, key, value);
    Py_DECREF(value);
    return r;
}

static PyObject *
str_or_none(const char *s)
{
    return s != NULL ? PyUnicode_FromString(s) : Py_NewRef(Py_None);
}

static PyObject *
sigil_info(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    sigil_runtime *rt = sigil_runtime_find(PyInterpreterState_Get());
    sigil_mode mode = rt != NULL
        ? (sigil_mode)atomic_load_explicit(&rt->mode, memory_order_relaxed)
        : SIGIL_MODE_OFF;
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    if (put(d, "mode", PyUnicode_FromString(sigil_mode_name(mode))) < 0 ||
        put(d, "default_mode", PyUnicode_FromString(sigil_mode_name(sigil_default_mode()))) < 0 ||
        put(d, "sigil_version", PyUnicode_FromString(SIGIL_VERSION)) < 0 ||
        put(d, "cpython_version", PyUnicode_FromString(PY_VERSION)) < 0 ||
        put(d, "flavor", PyUnicode_FromString(sigil_build_flavor())) < 0 ||
        put(d, "build_type", PyUnicode_FromString(sigil_build_type())) < 0 ||
        put(d, "free_threaded", PyBool_FromLong(
#ifdef Py_GIL_DISABLED
                1
#else
                0
#endif
            )) < 0 ||
        put(d, "jit_available", PyBool_FromLong(sigil_jit_available())) < 0 ||
        put(d, "llvm_version", str_or_none(sigil_llvm_version())) < 0 ||
        put(d, "installed", PyBool_FromLong(rt != NULL)) < 0 ||
        /* Sigil's int free list (specializer/sigil_uop.h, "Ints"): off in
         * builds that count references or objects (debug, stats) */
        put(d, "int_free_list", PyBool_FromLong(SIGIL_INT_FREELIST)) < 0 ||
        /* The fault compiled in by -DSIGIL_FAULT (runtime/sigil_faults.def),
         * or None: tools/sigil-faults checks it before trusting a run. */
        put(d, "fault", str_or_none(
#ifdef SIGIL_FAULT_NAME
                SIGIL_FAULT_NAME
#else
                NULL
#endif
            )) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

/* Counters plus the memory gauges: instruction-word tables are shared by
 * all threads (one per code object), so this does not grow with threads. */
static PyObject *
sigil_stats(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    PyObject *d = sigil_stats_dict();
    if (d == NULL) {
        return NULL;
    }
    int64_t ntables, nbytes, nrecords, nretired, nrecbytes;
    sigil_code_memory(&ntables, &nbytes);
    sigil_record_memory(&nrecords, &nretired, &nrecbytes);
    nbytes += nrecbytes;
    if (put(d, "memory.code_tables", PyLong_FromLongLong(ntables)) < 0 ||
        put(d, "memory.records_live", PyLong_FromLongLong(nrecords)) < 0 ||
        put(d, "memory.records_retired", PyLong_FromLongLong(nretired)) < 0 ||
        put(d, "memory.spec_memory_bytes", PyLong_FromLongLong(nbytes)) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *
sigil_reset_stats(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    sigil_stats_reset();
    Py_RETURN_NONE;
}

static PyObject *
sigil_print_stats(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    sigil_stats_print(stderr);
    Py_RETURN_NONE;
}

/* {name: "implemented" | reason} for every base opcode, from
 * sigil_opcodes.def, so tests can compare it with the dis module. */
static PyObject *
sigil_opcodes(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
#define SIGIL_OPCODE(op) \
    if (put(d, #op, PyUnicode_FromString("implemented")) < 0) goto fail;
#define SIGIL_OPCODE_ABSENT(op, why) \
    if (put(d, #op, PyUnicode_FromString(why)) < 0) goto fail;
#include "sigil_opcodes.def"
#undef SIGIL_OPCODE
#undef SIGIL_OPCODE_ABSENT
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* Turn per-execution counting (form.*, FAMILY.generic; sigil_stats.h)
 * on or off; returns whether it was on. */
static PyObject *
sigil_count_executions(PyObject *module, PyObject *arg)
{
    (void)module;
    int on = PyObject_IsTrue(arg);
    if (on < 0) {
        return NULL;
    }
    int was = atomic_exchange_explicit(&sigil_exec_counting, on, memory_order_relaxed);
    return PyBool_FromLong(was);
}

static PyObject *
sigil_set_world(PyObject *module, PyObject *arg)
{
    (void)module;
    int on = PyObject_IsTrue(arg);
    if (on < 0) {
        return NULL;
    }
    sigil_runtime *rt = sigil_runtime_find(_PyInterpreterState_GET());
    if (rt == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "sigil is not installed in this interpreter");
        return NULL;
    }
    if (on && rt->world_watcher < 0) {
        PyErr_SetString(PyExc_RuntimeError, "no dict watcher slot was free: the world version is unavailable");
        return NULL;
    }
    return PyBool_FromLong(sigil_world_set(rt, on));
}

static PyMethodDef sigil_methods[] = {
    {"_set_world", sigil_set_world, METH_O,
     "_set_world(on) -> bool\n\nLet new LOAD_GLOBAL_BUILTIN records depend on the world version (the default)\n"
     "or make them use keys versions (LOAD_GLOBAL_BUILTIN_KEYS), for tests and A/B runs. Records\n"
     "already published are unaffected. Returns the previous setting."},
    {"_opcodes", sigil_opcodes, METH_NOARGS,
     "_opcodes() -> dict\n\nEach CPython base opcode: 'implemented', or why it never reaches Sigil's loop."},
    {"info", sigil_info, METH_NOARGS,
     "info() -> dict\n\nEngine mode, CPython version and flavor, JIT availability, LLVM version."},
    {"stats", sigil_stats, METH_NOARGS,
     "stats() -> dict\n\nA snapshot of Sigil's counters, keyed 'family.counter'."},
    {"count_executions", sigil_count_executions, METH_O,
     "count_executions(on) -> bool\n\nKeep (or stop keeping) the per-execution counters: form.* hits,\n"
     "the uop.* runs derived from them, and FAMILY.generic. Off unless PYTHON_SIGIL_STATS=1 or\n"
     "PYTHON_SIGIL_STATS_DIR was set at startup: they cost time on every instruction.\n"
     "Every other counter is always kept. Returns the previous setting."},
    {"reset_stats", sigil_reset_stats, METH_NOARGS,
     "reset_stats()\n\nRestart every counter from zero."},
    {"print_stats", sigil_print_stats, METH_NOARGS,
     "print_stats()\n\nPrint the counter table to stderr (as PYTHON_SIGIL_STATS=1 does at exit)."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot sigil_slots[] = {
    /* The module keeps no Python-level state; it is safe without the GIL
     * and must not make CPython re-enable it on import. */
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {0, NULL},
};

static struct PyModuleDef sigil_moduledef = {
    PyModuleDef_HEAD_INIT,
    .m_name = "sigil",
    .m_doc = "Sigil: thread-safe specializer and JIT for free-threaded CPython.",
    .m_size = 0,
    .m_methods = sigil_methods,
    .m_slots = sigil_slots,
};

PyObject *
sigil_module_init(void)
{
    return PyModuleDef_Init(&sigil_moduledef);
}

int
sigil_register_module(void)
{
    return PyImport_AppendInittab("sigil", sigil_module_init);
}
