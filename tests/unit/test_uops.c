/* test_uops.c: the micro-op and step tables keep their invariants.
 *
 * Per form (steps contiguous, ORDER STEP): at least one step; guards and
 * loads before any mutation or action; at most one mutation, before every
 * action; a mutation writes shared state and an action-free guard never
 * does. Per micro-op: every one is used by some form, has a name, a stack
 * effect in CPython's notation and a description. Per borrowable form
 * (SIGIL_BORROWDEF): only steps that cannot free a borrowed owner.
 */
#include "sigil_uop.h"

#include <string.h>

#include "sigil_test.h"

static void
test_form_order(void)
{
    int nforms = 0;
    for (int st = 0; st < SIGIL_STEP__MAX;) {
        int form = sigil_step_forms[st];
        CHECK(sigil_form_first_step(form) == st);
        nforms++;
        int seen_effect = 0, nmutate = 0, seen_action = 0;
        for (; st < SIGIL_STEP__MAX && sigil_step_forms[st] == form; st++) {
            int u = sigil_step_uops[st];
            switch (sigil_uop_kinds[u]) {
            case SIGIL_UOP_GUARD:
            case SIGIL_UOP_LOAD:
                if (seen_effect) {
                    fprintf(stderr, "step %d (%s): a guard or load after an effect\n", st,
                            sigil_uop_names[u]);
                }
                CHECK(!seen_effect);
                break;
            case SIGIL_UOP_MUTATE:
                CHECK(!seen_action);
                CHECK(++nmutate == 1);
                seen_effect = 1;
                break;
            case SIGIL_UOP_ACTION:
                seen_effect = seen_action = 1;
                break;
            default:
                CHECK(0);
            }
        }
    }
    /* Every form that has steps appears once (forms are contiguous). */
    int distinct = 0;
    for (int f = 0; f < SIGIL_FORM__MAX; f++) {
        distinct += sigil_form_first_step(f) >= 0;
    }
    CHECK(distinct == nforms);
    CHECK(nforms > 0);
}

static void
test_uop_table(void)
{
    for (int u = 0; u < SIGIL_UOP__MAX; u++) {
        int used = 0;
        for (int st = 0; st < SIGIL_STEP__MAX; st++) {
            used += sigil_step_uops[st] == u;
        }
        if (!used) {
            fprintf(stderr, "micro-op %s is used by no form\n", sigil_uop_names[u]);
        }
        CHECK(used > 0);
        CHECK(sigil_uop_names[u] != NULL && sigil_uop_names[u][0] != '\0');
        CHECK(sigil_uop_docs[u] != NULL && sigil_uop_docs[u][0] != '\0');
        const char *stk = sigil_uop_stack[u];
        CHECK(stk[0] == '(' && stk[strlen(stk) - 1] == ')' && strstr(stk, "--") != NULL);
        /* Writes to shared objects only in mutations (which lock). */
        CHECK((sigil_uop_fxs[u] == SIGIL_FX_WRITE) == (sigil_uop_kinds[u] == SIGIL_UOP_MUTATE));
        /* A guard that validates a version says so. */
        if (strstr(sigil_uop_names[u], "VERSION") != NULL) {
            CHECK(sigil_uop_deps[u] & (SIGIL_DEP_TYPE | SIGIL_DEP_KEYS | SIGIL_DEP_FUNC | SIGIL_DEP_WORLD));
        }
    }
}

static void
test_descriptions(void)
{
    CHECK(strcmp(sigil_uop_step_desc(SIGIL_STEP_TO_BOOL_INT_GUARD_TOS_INT),
                 sigil_uop_docs[SIGIL_UOP_GUARD_TOS_INT]) == 0);
    CHECK(sigil_uop_step_desc(SIGIL_STEP__MAX) == NULL);
    CHECK(sigil_uop_kinds[SIGIL_UOP_GUARD_TOS_INT] == SIGIL_UOP_KIND_GUARD_TOS_INT);
}

/* The forms that may run on a borrowed owner (SIGIL_BORROWDEF): no step
 * may run code, drop a reference or pass a safe point while the owner is
 * still to be used. So: guards (a selector is one, alone in its form),
 * loads that only take a reference into env->tmp (the dispatcher drops it
 * on a miss, after giving the owner its reference), and one closing action
 * among those whose bodies honour env->borrow; right before that action,
 * a store's mutation whose one release (the old value) is its last act,
 * followed by a closing action that does not read a borrowed owner. */
static int
borrow_safe_load(int u)
{
    return u == SIGIL_UOP_LOAD_INSTANCE_VALUE || u == SIGIL_UOP_LOAD_SLOT;
}

static int
borrow_aware_action(int u)
{
    return u == SIGIL_UOP_PUSH_ATTR || u == SIGIL_UOP_PUSH_CLASS_ATTR || u == SIGIL_UOP_PUSH_METHOD ||
           u == SIGIL_UOP_POP_STORE_ATTR;
}

/* A mutation that releases nothing before its last act, and the closing
 * action that may follow it (it must not read the owner: the release may
 * have freed it). */
static int
borrow_safe_mutate(int u)
{
    return u == SIGIL_UOP_STORE_INSTANCE_VALUE || u == SIGIL_UOP_STORE_SLOT;
}

static int
owner_free_action(int u)
{
    return u == SIGIL_UOP_POP_STORE_ATTR;
}

static int
selector(int u)
{
    return u == SIGIL_UOP_SELECT_TYPE_ENTRY || u == SIGIL_UOP_SELECT_CLASS_ENTRY;
}

/* The first and last steps of `form`. */
static void
form_steps(int form, int *first, int *last)
{
    *first = sigil_form_first_step(form);
    CHECK(*first >= 0);
    *last = *first;
    while (*last + 1 < SIGIL_STEP__MAX && sigil_step_forms[*last + 1] == form) {
        (*last)++;
    }
}

static void
check_borrowable(int form, const char *name)
{
    int first, last;
    form_steps(form, &first, &last);
    /* The loop's borrowed copy of an attribute load leaves without the
     * monitoring check (bform_owner_pure, runtime/sigil_interp.c): it
     * releases nothing, so it has no mutation (a store's mutation releases the
     * old value, which may run code). */
    if (sigil_form_families[form] == SIGIL_FAM_LOAD_ATTR) {
        for (int st = first; st <= last; st++) {
            if (sigil_uop_kinds[sigil_step_uops[st]] == SIGIL_UOP_MUTATE) {
                fprintf(stderr, "borrowable load %s mutates: its borrowed copy is not pure\n", name);
            }
            CHECK(sigil_uop_kinds[sigil_step_uops[st]] != SIGIL_UOP_MUTATE);
        }
    }
    if (first == last && selector(sigil_step_uops[first])) {
        return;
    }
    for (int st = first; st <= last; st++) {
        int u = sigil_step_uops[st];
        int ok;
        if (st == last) {
            ok = sigil_uop_kinds[u] == SIGIL_UOP_ACTION && borrow_aware_action(u);
        }
        else if (st == last - 1 && sigil_uop_kinds[u] == SIGIL_UOP_MUTATE) {
            ok = borrow_safe_mutate(u) && owner_free_action(sigil_step_uops[last]);
        }
        else {
            ok = sigil_uop_kinds[u] == SIGIL_UOP_GUARD && !selector(u);
            ok |= sigil_uop_kinds[u] == SIGIL_UOP_LOAD && borrow_safe_load(u);
        }
        if (!ok) {
            fprintf(stderr, "borrowable form %s: step %s may not run on a borrowed owner\n", name,
                    sigil_uop_names[u]);
        }
        CHECK(ok);
    }
}

static void
test_borrowable_forms(void)
{
    int n = 0;
#define SIGIL_BORROWDEF(form) check_borrowable(SIGIL_FORM_##form, #form), n++;
#include "sigil_spec.def"
#undef SIGIL_BORROWDEF
    CHECK(n > 0);
    /* A form that drops a reference before its action must not be listed:
     * the check above refuses it (LOAD_HINT_ENTRY releases the dict). */
    CHECK(!borrow_safe_load(SIGIL_UOP_LOAD_HINT_ENTRY));
    CHECK(!borrow_safe_load(SIGIL_UOP_LOAD_MODULE_ENTRY));
    /* ... nor a store whose mutation releases the instance dict it loaded
     * (STORE_HINT_ENTRY), nor a mutation followed by an action that reads
     * the owner. */
    CHECK(!borrow_safe_mutate(SIGIL_UOP_STORE_HINT_ENTRY));
    CHECK(!owner_free_action(SIGIL_UOP_PUSH_ATTR));
}

/* The forms that may run on borrowed operands (SIGIL_OPERANDDEF): guards,
 * then one closing action among those whose bodies release operands only
 * through sigil_uop_drop_operands (or honour env->borrow in
 * uop_float_result) and read none after a release. */
static int
operand_aware_action(int u)
{
    switch (u) {
    case SIGIL_UOP_BINARY_ADD_INT:
    case SIGIL_UOP_BINARY_SUBTRACT_INT:
    case SIGIL_UOP_BINARY_MULTIPLY_INT:
    case SIGIL_UOP_BINARY_INT64:
    case SIGIL_UOP_BINARY_ADD_FLOAT:
    case SIGIL_UOP_BINARY_SUBTRACT_FLOAT:
    case SIGIL_UOP_BINARY_MULTIPLY_FLOAT:
    case SIGIL_UOP_BINARY_FLOAT_ARITH:
    case SIGIL_UOP_BINARY_NUMERIC:
    case SIGIL_UOP_COMPARE_INT:
    case SIGIL_UOP_COMPARE_FLOAT:
    case SIGIL_UOP_COMPARE_NUMERIC:
    case SIGIL_UOP_COMPARE_STR:
    case SIGIL_UOP_SUBSCR_LIST_INT:
    case SIGIL_UOP_SUBSCR_SEQUENCE_INT:
    case SIGIL_UOP_SUBSCR_TUPLE_INT:
    case SIGIL_UOP_SUBSCR_STR_INT:
        /* (all honour env->borrow; sigil_spec.def lists only the hottest,
         * each listed form adding its copies to the loop) */
        return 1;
    default:
        return 0;
    }
}

static void
check_operand_form(int form, const char *name)
{
    int first, last;
    form_steps(form, &first, &last);
    CHECK(last > first);   /* at least one guard */
    for (int st = first; st <= last; st++) {
        int u = sigil_step_uops[st];
        int ok = st == last ? sigil_uop_kinds[u] == SIGIL_UOP_ACTION && operand_aware_action(u)
                            : sigil_uop_kinds[u] == SIGIL_UOP_GUARD && !selector(u);
        if (!ok) {
            fprintf(stderr, "operand form %s: step %s may not run on borrowed operands\n", name,
                    sigil_uop_names[u]);
        }
        CHECK(ok);
    }
}

static void
test_operand_forms(void)
{
    int n = 0;
#define SIGIL_OPERANDDEF(form) check_operand_form(SIGIL_FORM_##form, #form), n++;
#include "sigil_spec.def"
#undef SIGIL_OPERANDDEF
    CHECK(n > 0);
    /* Not these: the in-place str append stores into the local and drops
     * the right operand itself, and a dict subscript may run __eq__. */
    CHECK(!operand_aware_action(SIGIL_UOP_BINARY_INPLACE_ADD_UNICODE));
    CHECK(!operand_aware_action(SIGIL_UOP_SUBSCR_DICT));
}

int
main(void)
{
    test_form_order();
    test_uop_table();
    test_descriptions();
    test_borrowable_forms();
    test_operand_forms();
    return sigil_test_done("test_uops");
}
