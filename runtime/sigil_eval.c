/* sigil_eval.c: the PEP 523 frame evaluator.
 *
 * Every Python frame that CPython starts from C (calls from C, generator
 * resumption, module and class bodies) arrives here. The frame is classified
 * first: traced or instrumented code always runs on the stock evaluator, so
 * that sys.settrace, sys.setprofile and sys.monitoring see exactly the events
 * CPython would produce. Sigil's own interpreter loop is not built yet; until
 * it is, every frame is handed to the stock loop and counted by reason.
 */
#include "sigil_runtime.h"

/* Why this frame cannot run on Sigil, or -1 if it can. */
static int
classify_frame(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    if (tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL) {
        return SIGIL_FB_traced;
    }
    PyCodeObject *co = _PyFrame_GetCode(frame);
    if (co->_co_monitoring != NULL) {
        return SIGIL_FB_instrumented;
    }
    return SIGIL_FB_no_evaluator;
}

PyObject *
sigil_eval_frame(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag)
{
    sigil_tstate *ts = sigil_tstate_get();
    sigil_stat_bump(ts, SIGIL_STAT_frames_seen);
    int reason = classify_frame(tstate, frame);
    sigil_stat_bump(ts, SIGIL_STAT_frames_fallback);
    sigil_fallback_bump(ts, (sigil_fallback)reason);
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}
