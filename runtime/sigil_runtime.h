/* sigil_runtime.h: the per-interpreter runtime and the CPython boundary.
 *
 * One sigil_runtime per interpreter Sigil is installed on. It owns the engine
 * mode and (in later layers) the specialization lock and the code cache.
 */
#ifndef SIGIL_RUNTIME_H
#define SIGIL_RUNTIME_H

#include "sigil_python.h"
#include "sigil/sigil.h"
#include "sigil_stats.h"

typedef struct sigil_runtime {
    PyInterpreterState *interp;  /* immutable after install */
    /* Engine mode. Written by sigil_install/uninstall while the world is
     * stopped or before threads exist; read relaxed by sigil.info(). */
    _Atomic int mode;
    int stats_at_exit;           /* immutable after install */
    Py_ssize_t extra_index;      /* code-extra slot of instruction tables;
                                    immutable after install */
    /* The specialization lock (SiJiL): serializes publication of
     * specialized words; never taken on the fast path. */
    PyMutex sijil;
    /* The world version (sigil_world.c): bumped by the globals watcher
     * (relaxed atomic add, any thread), read relaxed by LOAD_GLOBAL_BUILTIN
     * and, under a globals dict's critical section, by its chooser. */
    _Atomic uint64_t world_version;
    int world_watcher;           /* dict watcher id or -1; immutable after install */
    _Atomic int world_enabled;   /* read relaxed by choosers: a switch, no data */
    struct sigil_world_names *world_names;   /* immutable pointer after install */
    /* Pinned globals (sigil_world.c): the registry (immutable pointer
     * after install; entries added under the SiJiL, killed by the watcher)
     * and how many entries are live: added to (relaxed) by the chooser
     * inside the critical section of the pinned name's dict, subtracted by
     * the watcher; the watcher loads it relaxed as a shortcut when none is.
     * A stale nonzero only costs a probe; a stale zero cannot hide a pin of
     * the dict being changed, because its watcher call runs in that dict's
     * critical section, after the section in which the pin was counted. */
    struct sigil_pins *pins;
    _Atomic int pins_live;
} sigil_runtime;

/* The runtime of an interpreter, or NULL if Sigil is not installed on it. */
sigil_runtime *sigil_runtime_find(PyInterpreterState *interp);

/* The PEP 523 frame evaluator (sigil_eval.c). */
PyObject *sigil_eval_frame(PyThreadState *tstate, _PyInterpreterFrame *frame,
                           int throwflag);

/* Facts about this build, for sigil.info(). */
const char *sigil_build_flavor(void);   /* CPython flavor linked in */
const char *sigil_build_type(void);     /* "debug" or "release" */
const char *sigil_llvm_version(void);   /* NULL without the JIT */

/* The `sigil` module's init function (sigil_module.c). */
PyObject *sigil_module_init(void);

#ifdef SIGIL_DEBUG
#  define SIGIL_ASSERT(cond) \
      ((cond) ? (void)0 : sigil_assert_fail(#cond, __FILE__, __LINE__))
_Noreturn void sigil_assert_fail(const char *expr, const char *file, int line);
#else
#  define SIGIL_ASSERT(cond) ((void)0)
#endif

#endif /* SIGIL_RUNTIME_H */
