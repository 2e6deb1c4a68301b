/* sigil_eval.c: the PEP 523 frame evaluator.
 *
 * Every Python frame that CPython starts from C (calls from C, generator
 * resumption, module and class bodies) arrives here. Traced or instrumented
 * code runs on the stock evaluator, so that sys.settrace, sys.setprofile and
 * sys.monitoring see exactly the events CPython would produce; everything
 * else runs on Sigil's loop (sigil_interp.c).
 */
#include "sigil_interp.h"

/* The calling thread's runtime, cached in its sigil_tstate: a frame entry
 * then costs one compare instead of a registry lookup. */
static inline sigil_runtime *
runtime_of(sigil_tstate *ts, PyInterpreterState *interp)
{
    if (ts->interp == interp) {
        return ts->rt;
    }
    sigil_runtime *rt = sigil_runtime_find(interp);
    /* The ints on the thread's free list came from the other
     * interpreter's allocations: freed, not handed to this one. */
    sigil_ints_flush(ts);
    ts->interp = interp;
    ts->rt = rt;
    return rt;
}

PyObject *
sigil_eval_frame(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag)
{
    sigil_tstate *ts = sigil_tstate_get();
    sigil_stat_bump(ts, SIGIL_STAT_frames_seen);
    sigil_runtime *rt = runtime_of(ts, tstate->interp);
    int reason = rt != NULL ? sigil_interp_needs_stock(tstate, _PyFrame_GetCode(frame))
                            : SIGIL_FB_no_code_table;
    if (reason >= 0) {
        sigil_stat_bump(ts, SIGIL_STAT_frames_fallback);
        sigil_fallback_bump(ts, (sigil_fallback)reason);
        sigil_stats_stock_enter(reason);
        PyObject *r = _PyEval_EvalFrameDefault(tstate, frame, throwflag);
        sigil_stats_stock_leave(reason);
        return r;
    }
    sigil_stat_bump(ts, SIGIL_STAT_frames_sigil);
    if (sigil_counting_flag()) {
        return sigil_interp_run_counting(ts, rt, tstate, frame, throwflag, SIGIL_CHECKED_ENTRY);
    }
    return sigil_interp_run(ts, rt, tstate, frame, throwflag, SIGIL_CHECKED_ENTRY);
}
