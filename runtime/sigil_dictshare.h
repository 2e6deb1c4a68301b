/* sigil_dictshare.h: letting threads that do not own a dict look keys up
 * in it without the dict's lock (see sigil_dictshare.c).
 */
#ifndef SIGIL_DICTSHARE_H
#define SIGIL_DICTSHARE_H

#include "sigil_python.h"

/* A thread that does not own `dict` (an exact dict) just looked a key up
 * in it. Samples such lookups and marks the stored keys so that CPython's
 * lock-free lookup can take references to them (sigil_dictshare.c). */
void sigil_dict_read_shared(PyObject *dict);

static inline void
sigil_dict_read(PyObject *dict)
{
    /* One plain load of ob_tid (the owner is the only writer of a
     * thread's own id there; another thread's id only compares unequal). */
    if (!_Py_IsOwnedByCurrentThread(dict)) {
        sigil_dict_read_shared(dict);
    }
}

#endif /* SIGIL_DICTSHARE_H */
