/* sigil_consts.h: making a code object's number, bytes and tuple constants
 * immortal, as CPython 3.13t means them to be (see sigil_consts.c).
 */
#ifndef SIGIL_CONSTS_H
#define SIGIL_CONSTS_H

#include "sigil_python.h"

/* Make the constants of `co` (and of the tuples among them) that CPython
 * 3.13t would have made immortal at code creation immortal now. Called once
 * per code object, when Sigil first runs it. Stops the world when it has
 * anything to change. Never fails (an object it cannot change stays
 * mortal). */
void sigil_consts_immortalize(PyCodeObject *co);

/* Give `o` (a classmethod or staticmethod a record is about to cache)
 * deferred reference counting, as CPython 3.14 gives every such object at
 * creation: from then on only the GC frees it, so a record may cache it
 * borrowed. Once threads exist CPython 3.13t makes deferred objects
 * immortal (gh-117783), and so does this. Stops the world. Returns 1 if
 * `o` is now deferred or immortal, 0 if it could not be changed (its
 * references are shared or merged: they stay as they are). */
int sigil_make_deferred(PyObject *o);

#endif /* SIGIL_CONSTS_H */
