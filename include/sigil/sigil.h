/* sigil.h: Sigil's public embedding API.
 *
 * For applications that embed free-threaded CPython 3.13 (C servers, Rust
 * runtimes through PyO3) and want Sigil's evaluator for every thread that
 * calls into Python. Everything else in Sigil is internal.
 *
 * Typical use:
 *     sigil_options o;
 *     sigil_options_init(&o);            // defaults + PYTHON_SIGIL* env
 *     sigil_register_module();           // before Py_Initialize*, optional
 *     Py_Initialize();
 *     if (sigil_install(PyInterpreterState_Get(), &o) < 0) { ...error... }
 */
#ifndef SIGIL_SIGIL_H
#define SIGIL_SIGIL_H

#include <Python.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SIGIL_VERSION "0.1.0"

/* Engine modes: which evaluator runs Python frames. */
typedef enum sigil_mode {
    SIGIL_MODE_OFF = 0,    /* CPython's stock evaluator; no hook installed */
    SIGIL_MODE_INTERP = 1, /* Sigil's interpreter with its specializer */
    SIGIL_MODE_JIT = 2     /* interpreter plus LLVM-compiled traces */
} sigil_mode;

typedef struct sigil_options {
    sigil_mode mode;     /* engine mode */
    int stats_at_exit;   /* print the stats table to stderr at exit */
} sigil_options;

/* Fill *o with defaults, then apply PYTHON_SIGIL and PYTHON_SIGIL_STATS.
 * Returns 0, or -1 with a message in *err (static string) on a bad value. */
int sigil_options_init(sigil_options *o, const char **err);

/* Parse an engine-mode name ("off", "interp", "jit"). 0 on success, -1 if
 * the name is unknown. */
int sigil_mode_parse(const char *name, sigil_mode *mode);
const char *sigil_mode_name(sigil_mode mode);

/* The mode used when none is given. */
sigil_mode sigil_default_mode(void);

/* 1 if this build contains the LLVM JIT and its module (libsigil-jit.so,
 * loaded on first use by mode jit) is where the runtime looks for it. */
int sigil_jit_available(void);

/* Make `import sigil` work. Must be called before Py_Initialize*. */
int sigil_register_module(void);

/* Install Sigil on an initialized interpreter (the caller has an attached
 * thread state). Idempotent. Returns 0, or -1 with a Python exception set
 * (e.g. mode jit in a build without the JIT). */
int sigil_install(PyInterpreterState *interp, const sigil_options *o);

/* Remove Sigil's evaluator from the interpreter (frames already running
 * finish on Sigil). Returns 0, or -1 with an exception set. */
int sigil_uninstall(PyInterpreterState *interp);

/* Stats: a snapshot as a new dict {"family.counter": int}, or NULL with an
 * exception set. */
PyObject *sigil_stats_dict(void);
/* Reset all counters to zero (as seen by later snapshots). */
void sigil_stats_reset(void);
/* Read one counter by key; returns -1 if the key is unknown. */
int64_t sigil_stats_get(const char *key);
/* Print the stats table to a stdio stream. */
void sigil_stats_print(FILE *out);

#ifdef __cplusplus
}
#endif

#endif /* SIGIL_SIGIL_H */
