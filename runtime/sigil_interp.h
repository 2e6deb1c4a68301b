/* sigil_interp.h: Sigil's interpreter loop (sigil_interp.c). */
#ifndef SIGIL_INTERP_H
#define SIGIL_INTERP_H

#include "sigil_runtime.h"
#include "sigil_code.h"

/* What one activation of the loop needs from its caller. */
typedef struct sigil_interp_ctx {
    sigil_tstate *ts;          /* the calling thread's counters */
    sigil_runtime *rt;         /* the interpreter's runtime (SiJiL) */
    Py_ssize_t extra_index;    /* the interpreter's code-extra slot */
    int load_reason;           /* out: why a frame went to the stock loop */
    int entry_checked;         /* what the next load_frame may skip
                                  (SIGIL_CHECKED_*); consumed by it */
} sigil_interp_ctx;

/* SIGIL_CHECKED_NONE: load_frame makes every check (sigil_interp_needs_stock).
 * SIGIL_CHECKED_ENTRY: the caller found the entry frame's code needs no
 * stock loop just now. SIGIL_CHECKED_INLINE: set by the loop for an inline
 * callee, whose first dispatch and RESUME check instrumentation: only
 * tracing is checked. */
#define SIGIL_CHECKED_NONE 0
#define SIGIL_CHECKED_ENTRY 1
#define SIGIL_CHECKED_INLINE 2

/* Run `frame` (and every frame it calls in Python) to completion or to a
 * yield, like _PyEval_EvalFrameDefault, for thread `ts` of runtime `rt`.
 * `entry_checked`: as sigil_interp_ctx's. The context lives in this call
 * (not the caller's frame), so the frame hook can tail-call it. */
PyObject *sigil_interp_run(sigil_tstate *ts, sigil_runtime *rt, PyThreadState *tstate,
                           _PyInterpreterFrame *frame, int throwflag, int entry_checked);
/* The same loop compiled to keep the per-execution counters
 * (sigil_interp_counting.c); the frame hook calls it while
 * sigil.count_executions is on. */
PyObject *sigil_interp_run_counting(sigil_tstate *ts, sigil_runtime *rt, PyThreadState *tstate,
                                    _PyInterpreterFrame *frame, int throwflag,
                                    int entry_checked);

/* A sigil_fallback reason if code must run on the stock loop now (tracing,
 * instrumentation), else -1. */
int sigil_interp_needs_stock(PyThreadState *tstate, PyCodeObject *co);

#endif /* SIGIL_INTERP_H */
