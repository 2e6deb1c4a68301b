/* test_uops.c: the micro-op and step tables keep their invariants.
 *
 * Per form (steps contiguous, ORDER STEP): at least one step; guards and
 * loads before any mutation or action; at most one mutation, before every
 * action; a mutation writes shared state and an action-free guard never
 * does. Per micro-op: every one is used by some form, has a name, a stack
 * effect in CPython's notation and a description.
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

int
main(void)
{
    test_form_order();
    test_uop_table();
    test_descriptions();
    return sigil_test_done("test_uops");
}
