/* sigil_dictshare.h: letting threads that do not own a dict look keys up
 * in it without the dict's lock (see sigil_dictshare.c).
 */
#ifndef SIGIL_DICTSHARE_H
#define SIGIL_DICTSHARE_H

#include "sigil_python.h"
#include "sigil_stats.h"

/* The sampled report of a lookup by a thread that does not own `dict` (an
 * exact dict): marks the stored keys so that CPython's lock-free lookup
 * can take references to them, and watches the dict's version
 * (sigil_dictshare.c). */
void sigil_dict_read_shared(sigil_tstate *ts, PyObject *dict);

/* Would a report on `dict` now change nothing (this thread has scanned
 * every entry of its current keys object, and is done watching it)? If
 * so, set the thread's next sample and return 1. For a caller that holds
 * no reference to the dict but keeps it alive otherwise (a pin window),
 * and would have to take one for the report. */
int sigil_dict_report_settled(sigil_tstate *ts, PyObject *dict);

static inline void
sigil_dict_read(PyObject *dict)
{
    /* One plain load of ob_tid (the owner is the only writer of a
     * thread's own id there; another thread's id only compares unequal).
     * Other threads count down to their next sample inline (owner-only
     * field, plain), so that only the sampled lookup makes a call. */
    if (!_Py_IsOwnedByCurrentThread(dict)) {
        sigil_tstate *ts = sigil_tstate_get();
        if (ts->dict_tick > 1) {
            ts->dict_tick--;
            return;
        }
        sigil_dict_read_shared(ts, dict);
    }
}

#endif /* SIGIL_DICTSHARE_H */
