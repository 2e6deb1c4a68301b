/* sigil_runtime.c: options, install/uninstall, the runtime registry.
 *
 * sigil_install() attaches a sigil_runtime to an interpreter and points its
 * PEP 523 hook at Sigil's evaluator. The hook field is read by every thread
 * entering a frame, so it is switched with the world stopped.
 */
#include "sigil_runtime.h"
#include "sigil_code.h"
#include "sigil_world.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sigil_jit.h"

#ifndef SIGIL_CPYTHON_FLAVOR
#define SIGIL_CPYTHON_FLAVOR "unknown"
#endif

/* -- Modes and options ------------------------------------------------- */

static const char *const mode_names[] = {"off", "interp", "jit"};

int
sigil_mode_parse(const char *name, sigil_mode *mode)
{
    for (int i = 0; i < 3; i++) {
        if (strcmp(name, mode_names[i]) == 0) {
            *mode = (sigil_mode)i;
            return 0;
        }
    }
    return -1;
}

const char *
sigil_mode_name(sigil_mode mode)
{
    return ((unsigned)mode < 3) ? mode_names[mode] : "?";
}

/* The JIT does not record traces yet, so the best engine is the
 * interpreter; this changes to jit when traces are compiled. */
sigil_mode
sigil_default_mode(void)
{
    return SIGIL_MODE_INTERP;
}

int
sigil_options_init(sigil_options *o, const char **err)
{
    o->mode = sigil_default_mode();
    o->stats_at_exit = 0;
    *err = NULL;
    const char *m = getenv("PYTHON_SIGIL");
    if (m != NULL && m[0] != '\0' && sigil_mode_parse(m, &o->mode) < 0) {
        *err = "invalid PYTHON_SIGIL value (valid: off, interp, jit)";
        return -1;
    }
    const char *s = getenv("PYTHON_SIGIL_STATS");
    if (s != NULL && s[0] != '\0' && strcmp(s, "0") != 0) {
        o->stats_at_exit = 1;
    }
    return 0;
}

const char *
sigil_build_flavor(void)
{
    return SIGIL_CPYTHON_FLAVOR;
}

const char *
sigil_build_type(void)
{
#ifdef SIGIL_DEBUG
    return "debug";
#else
    return "release";
#endif
}

#ifdef SIGIL_DEBUG
void
sigil_assert_fail(const char *expr, const char *file, int line)
{
    fprintf(stderr, "sigil: assertion failed: %s (%s:%d)\n", expr, file, line);
    abort();
}
#endif

/* -- Runtime registry -------------------------------------------------------- */

/* Interpreters Sigil is installed on. Guarded by `lock`; entries are never
 * removed until process exit (an interpreter id is not reused while its
 * state lives, and the record is tiny). */
#define MAX_RUNTIMES 256
static struct {
    pthread_mutex_t lock;
    int n;
    sigil_runtime *rt[MAX_RUNTIMES];
    int atexit_registered;
} runtimes = {.lock = PTHREAD_MUTEX_INITIALIZER};

sigil_runtime *
sigil_runtime_find(PyInterpreterState *interp)
{
    sigil_runtime *found = NULL;
    pthread_mutex_lock(&runtimes.lock);
    for (int i = 0; i < runtimes.n; i++) {
        if (runtimes.rt[i]->interp == interp) {
            found = runtimes.rt[i];
            break;
        }
    }
    pthread_mutex_unlock(&runtimes.lock);
    return found;
}

/* Exit hook (Py_AtExit, after finalization): the PYTHON_SIGIL_STATS=1
 * table, and with PYTHON_SIGIL_STATS_DIR=DIR a JSON file DIR/sigil-PID.json
 * so that test runners can sum counters over many processes without
 * writing to anyone's stderr. */
static int exit_print_table;
static char *exit_stats_dir;

static void
stats_at_exit(void)
{
    if (exit_print_table) {
        sigil_stats_print(stderr);
    }
    if (exit_stats_dir != NULL) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/sigil-%ld.json", exit_stats_dir, (long)getpid());
        FILE *f = fopen(path, "w");
        if (f != NULL) {
            sigil_stats_print_json(f);
            fclose(f);
        }
    }
}

/* Point the interpreter's frame hook at `fn` with every other thread
 * parked, so no thread reads the hook field while it changes. */
static void
set_eval_hook(PyInterpreterState *interp, _PyFrameEvalFunction fn)
{
    _PyEval_StopTheWorld(interp);
    _PyInterpreterState_SetEvalFrameFunc(interp, fn);
    _PyEval_StartTheWorld(interp);
}

int
sigil_install(PyInterpreterState *interp, const sigil_options *o)
{
    if (o->mode == SIGIL_MODE_JIT && sigil_jit_api_get() == NULL) {
        PyErr_Format(PyExc_RuntimeError, "-X sigil=jit: %s", sigil_jit_load_error());
        return -1;
    }
    if ((unsigned)o->mode > SIGIL_MODE_JIT) {
        PyErr_SetString(PyExc_ValueError, "sigil_install: bad mode");
        return -1;
    }
    sigil_runtime *rt = sigil_runtime_find(interp);
    if (rt == NULL) {
        rt = PyMem_RawCalloc(1, sizeof(*rt));
        if (rt == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        rt->interp = interp;
        if (sigil_code_init(&rt->extra_index) < 0) {
            PyMem_RawFree(rt);
            return -1;
        }
        sigil_world_init(rt);
        pthread_mutex_lock(&runtimes.lock);
        if (runtimes.n == MAX_RUNTIMES) {
            pthread_mutex_unlock(&runtimes.lock);
            PyMem_RawFree(rt);
            PyErr_SetString(PyExc_RuntimeError, "sigil: too many interpreters");
            return -1;
        }
        runtimes.rt[runtimes.n++] = rt;
        pthread_mutex_unlock(&runtimes.lock);
    }
    rt->stats_at_exit = o->stats_at_exit;
    /* Relaxed: readers (sigil.info) only report the mode; the hook switch
     * below is what changes behaviour, and it stops the world. */
    atomic_store_explicit(&rt->mode, (int)o->mode, memory_order_relaxed);
    const char *dir = getenv("PYTHON_SIGIL_STATS_DIR");
    if (o->stats_at_exit || (dir != NULL && dir[0] != '\0')) {
        /* a report is wanted: count executions too (sigil_stats.h) */
        atomic_store_explicit(&sigil_exec_counting, 1, memory_order_relaxed);
        pthread_mutex_lock(&runtimes.lock);
        int need = !runtimes.atexit_registered;
        runtimes.atexit_registered = 1;
        if (o->stats_at_exit) {
            exit_print_table = 1;
        }
        if (dir != NULL && dir[0] != '\0' && exit_stats_dir == NULL) {
            exit_stats_dir = strdup(dir);
        }
        pthread_mutex_unlock(&runtimes.lock);
        if (need && Py_AtExit(stats_at_exit) < 0) {
            PyErr_SetString(PyExc_RuntimeError, "sigil: cannot register the exit stats hook");
            return -1;
        }
    }
    set_eval_hook(interp, o->mode == SIGIL_MODE_OFF ? NULL : sigil_eval_frame);
    return 0;
}

int
sigil_uninstall(PyInterpreterState *interp)
{
    sigil_runtime *rt = sigil_runtime_find(interp);
    if (rt == NULL) {
        return 0;
    }
    atomic_store_explicit(&rt->mode, SIGIL_MODE_OFF, memory_order_relaxed);
    set_eval_hook(interp, NULL);
    return 0;
}
