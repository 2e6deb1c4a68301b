/* test_embed.c: the embedding API. An application initializes free-threaded
 * CPython, installs Sigil, and calls Python from 8 native threads at once
 * through PyGILState_Ensure/Release; every result must be right and every
 * frame must have gone through Sigil's hook. */
#include <Python.h>
#include <pthread.h>
#include <string.h>

#include "sigil/sigil.h"
#include "sigil_test.h"

#define NTHREADS 8
#define NCALLS 200

static PyObject *work_fn;   /* set before threads start, read-only after */

static const char *src =
    "def work(tid, n):\n"
    "    class Acc:\n"
    "        def __init__(self):\n"
    "            self.total = 0\n"
    "        def add(self, x):\n"
    "            self.total += x\n"
    "    a = Acc()\n"
    "    for i in range(n):\n"
    "        a.add(i * tid)\n"
    "    return a.total\n";

typedef struct {
    int tid;
    int bad;
} job;

static void *
worker(void *arg)
{
    job *j = arg;
    for (int c = 0; c < NCALLS; c++) {
        PyGILState_STATE g = PyGILState_Ensure();
        long n = 100 + c;
        PyObject *r = PyObject_CallFunction(work_fn, "il", j->tid, n);
        if (r == NULL) {
            PyErr_Print();
            j->bad++;
        }
        else {
            long want = (long)j->tid * (n * (n - 1) / 2);
            if (PyLong_AsLong(r) != want) {
                j->bad++;
            }
            Py_DECREF(r);
        }
        PyGILState_Release(g);
    }
    return NULL;
}

int
main(void)
{
    sigil_options o;
    const char *err;
    CHECK(sigil_options_init(&o, &err) == 0);
    o.mode = SIGIL_MODE_INTERP;
    CHECK(sigil_register_module() == 0);

    PyConfig cfg;
    PyConfig_InitIsolatedConfig(&cfg);
    PyStatus st = Py_InitializeFromConfig(&cfg);
    PyConfig_Clear(&cfg);
    if (PyStatus_Exception(st)) {
        Py_ExitStatusException(st);
    }
    CHECK(sigil_install(PyInterpreterState_Get(), &o) == 0);

    /* Mode jit is refused cleanly when the build has no JIT. */
    sigil_options j = o;
    j.mode = SIGIL_MODE_JIT;
    if (!sigil_jit_available()) {
        CHECK(sigil_install(PyInterpreterState_Get(), &j) == -1);
        CHECK(PyErr_ExceptionMatches(PyExc_RuntimeError));
        PyErr_Clear();
    }

    PyObject *globals = PyDict_New();
    PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    PyObject *r = PyRun_String(src, Py_file_input, globals, globals);
    CHECK(r != NULL);
    Py_XDECREF(r);
    work_fn = PyDict_GetItemString(globals, "work");
    CHECK(work_fn != NULL);

    sigil_stats_reset();
    PyObject *gil = PySys_GetObject("_is_gil_enabled");
    PyObject *gil_on = gil ? PyObject_CallNoArgs(gil) : NULL;
    CHECK(gil_on == Py_False);
    Py_XDECREF(gil_on);

    /* Release this thread's state so the workers run truly in parallel. */
    PyThreadState *main_ts = PyEval_SaveThread();
    pthread_t t[NTHREADS];
    job jobs[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        jobs[i] = (job){.tid = i + 1, .bad = 0};
        CHECK(pthread_create(&t[i], NULL, worker, &jobs[i]) == 0);
    }
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(t[i], NULL);
        CHECK(jobs[i].bad == 0);
    }
    PyEval_RestoreThread(main_ts);

    /* Each call enters `work` and constructs a class: at least one frame
     * per call came through Sigil's hook. */
    CHECK(sigil_stats_get("eval.frames_seen") >= NTHREADS * NCALLS);

    PyObject *mod = PyImport_ImportModule("sigil");
    CHECK(mod != NULL);
    if (mod != NULL) {
        PyObject *info = PyObject_CallMethod(mod, "info", NULL);
        PyObject *mode = info ? PyDict_GetItemString(info, "mode") : NULL;
        CHECK(mode != NULL && PyUnicode_CompareWithASCIIString(mode, "interp") == 0);
        Py_XDECREF(info);
        Py_DECREF(mod);
    }
    CHECK(sigil_uninstall(PyInterpreterState_Get()) == 0);
    Py_DECREF(globals);
    CHECK(Py_FinalizeEx() == 0);
    return sigil_test_done("test_embed");
}
