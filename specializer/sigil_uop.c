/* sigil_uop.c: the micro-op and step tables, expanded from sigil_uops.def
 * and sigil_steps.def, for the stats, the printers and the table checks.
 */
#include "sigil_uop.h"
#include "sigil_spec.h"

#include <stdio.h>

/* -- Micro-ops (ORDER UOP) ------------------------------------------------- */

const char *const sigil_uop_names[SIGIL_UOP__MAX] = {
#define SIGIL_UOPDEF(name, kind, deps, fx, stack, doc) #name,
#include "sigil_uops.def"
#undef SIGIL_UOPDEF
};

const char *const sigil_uop_docs[SIGIL_UOP__MAX] = {
#define SIGIL_UOPDEF(name, kind, deps, fx, stack, doc) doc,
#include "sigil_uops.def"
#undef SIGIL_UOPDEF
};

const char *const sigil_uop_stack[SIGIL_UOP__MAX] = {
#define SIGIL_UOPDEF(name, kind, deps, fx, stack, doc) stack,
#include "sigil_uops.def"
#undef SIGIL_UOPDEF
};

const unsigned char sigil_uop_kinds[SIGIL_UOP__MAX] = {
#define SIGIL_UOPDEF(name, kind, deps, fx, stack, doc) SIGIL_UOP_##kind,
#include "sigil_uops.def"
#undef SIGIL_UOPDEF
};

const unsigned char sigil_uop_fxs[SIGIL_UOP__MAX] = {
#define SIGIL_UOPDEF(name, kind, deps, fx, stack, doc) SIGIL_FX_##fx,
#include "sigil_uops.def"
#undef SIGIL_UOPDEF
};

const unsigned short sigil_uop_deps[SIGIL_UOP__MAX] = {
#define SIGIL_UOPDEF(name, kind, deps, fx, stack, doc) (deps),
#include "sigil_uops.def"
#undef SIGIL_UOPDEF
};

/* -- Steps (ORDER STEP) ---------------------------------------------------- */

const unsigned short sigil_step_forms[SIGIL_STEP__MAX] = {
#define SIGIL_FORM_BEGIN(form, kind)
#define SIGIL_STEP(form, uop) SIGIL_FORM_##form,
#define SIGIL_FORM_END(form)
#include "sigil_steps.def"
#undef SIGIL_FORM_BEGIN
#undef SIGIL_STEP
#undef SIGIL_FORM_END
};

const unsigned short sigil_step_uops[SIGIL_STEP__MAX] = {
#define SIGIL_FORM_BEGIN(form, kind)
#define SIGIL_STEP(form, uop) SIGIL_UOP_##uop,
#define SIGIL_FORM_END(form)
#include "sigil_steps.def"
#undef SIGIL_FORM_BEGIN
#undef SIGIL_STEP
#undef SIGIL_FORM_END
};

_Static_assert(SIGIL_FORM__MAX < 65536 && SIGIL_UOP__MAX < 65536, "step tables hold ids in 16 bits");

/* -- Forms (ORDER FORM) ---------------------------------------------------- */

const unsigned char sigil_form_families[SIGIL_FORM__MAX] = {
#define SIGIL_FORMDEF(form, fam, guard) [SIGIL_FORM_##form] = SIGIL_FAM_##fam,
#include "sigil_spec.def"
#undef SIGIL_FORMDEF
};

/* Each opcode's form + 1 (0: no form), for sigil_form_of_opcode. */
static const unsigned char form_of_opcode[256] = {
#define SIGIL_FORMDEF(form, fam, guard) [form] = SIGIL_FORM_##form + 1,
#include "sigil_spec.def"
#undef SIGIL_FORMDEF
};
_Static_assert(SIGIL_FORM__MAX < 255, "form_of_opcode holds a form + 1 in a byte");

int
sigil_form_of_opcode(int op)
{
    return (op >= 0 && op < 256) ? (int)form_of_opcode[op] - 1 : -1;
}

/* Each form's first step + 1 (0: the form has no steps), from the step
 * list at compile time: at a form's BEGIN, FIRST_<form> takes the number
 * of steps listed so far, and the enumerator after it takes that number
 * back, so only STEP lines advance the count. The specializer asks this
 * for every polymorphic entry it builds (poly_entry_kind); a scan of the
 * step table was 5.6% of shared_class_write's time. */
enum {
#define SIGIL_FORM_BEGIN(form, kind) FIRST_##form, FIRST_##form##_BACK = FIRST_##form - 1,
#define SIGIL_STEP(form, uop) COUNTED_##form##_##uop,
#define SIGIL_FORM_END(form)
#include "sigil_steps.def"
#undef SIGIL_FORM_BEGIN
#undef SIGIL_STEP
#undef SIGIL_FORM_END
    FIRST__TOTAL
};
_Static_assert((int)FIRST__TOTAL == (int)SIGIL_STEP__MAX, "every step counted once");

static const unsigned short form_first_step[SIGIL_FORM__MAX] = {
#define SIGIL_FORM_BEGIN(form, kind) [SIGIL_FORM_##form] = FIRST_##form + 1,
#define SIGIL_STEP(form, uop)
#define SIGIL_FORM_END(form)
#include "sigil_steps.def"
#undef SIGIL_FORM_BEGIN
#undef SIGIL_STEP
#undef SIGIL_FORM_END
};

int
sigil_form_first_step(int form)
{
    return (form >= 0 && form < SIGIL_FORM__MAX) ? (int)form_first_step[form] - 1 : -1;
}

/* A step's counter description: its micro-op's (the key, guard.FORM.UOP,
 * says the count is of that step's failures). */
const char *
sigil_uop_step_desc(int st)
{
    return (st >= 0 && st < SIGIL_STEP__MAX) ? sigil_uop_docs[sigil_step_uops[st]] : NULL;
}

/* The out-of-line half of sigil_uop_try_xget_ref: `v`, loaded from
 * `slot`, belongs to another thread; CPython's shared increment, then the
 * re-read of the slot (a store may have replaced and dropped `v`). */
PyObject *
sigil_uop_try_xget_ref_shared(PyObject **slot, PyObject *v)
{
    return _Py_TryIncrefCompare(slot, v) ? v : NULL;
}
