/* sigil_interp_counting.c: the interpreter loop's counting copy.
 *
 * sigil_interp.c compiled a second time with every per-execution counter
 * kept (see "Two loops" there); the frame hook runs it while
 * sigil.count_executions is on.
 */
#define SIGIL_LOOP_COUNTING 1
#include "sigil_interp.c"
