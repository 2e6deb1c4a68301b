/* sigil_fault.h: compile-time switches for the injected faults of
 * runtime/sigil_faults.def (issue 5: proof that the race suite bites).
 *
 * SIGIL_FAULT(name) is a constant expression: 1 in the one build configured
 * with -DSIGIL_FAULT=name, 0 in every other build (where the compiler drops
 * the faulty branch). A name missing from the table does not compile, so an
 * injection site cannot silently refer to a fault that no build selects.
 */
#ifndef SIGIL_FAULT_H
#define SIGIL_FAULT_H

/* ORDER FAULT */
enum sigil_fault_id {
#define SIGIL_FAULTDEF(name, flavor, scripts, description) SIGIL_FAULT_ID_##name,
#include "sigil_faults.def"
#undef SIGIL_FAULTDEF
    SIGIL_FAULT_COUNT
};

/* CMake defines SIGIL_FAULT_ACTIVE as SIGIL_FAULT_ID_<name> and
 * SIGIL_FAULT_NAME as "<name>" in a fault build. */
#ifndef SIGIL_FAULT_ACTIVE
#define SIGIL_FAULT_ACTIVE (-1)
#endif

#define SIGIL_FAULT(name) ((int)SIGIL_FAULT_ID_##name == (int)(SIGIL_FAULT_ACTIVE))

#endif /* SIGIL_FAULT_H */
