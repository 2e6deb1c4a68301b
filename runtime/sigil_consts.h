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

#endif /* SIGIL_CONSTS_H */
