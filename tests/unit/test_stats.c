/* test_stats.c: per-thread counters sum correctly across live and exited
 * threads, resets move the baseline, and the dict/table expose every key. */
#include "sigil_runtime.h"
#include "sigil_test.h"

#include <pthread.h>
#include <string.h>

#define NTHREADS 8
#define NBUMPS 100000

/* arg: NULL, or a barrier to wait at once the thread has its record. */
static void *
bumper(void *arg)
{
    sigil_tstate *ts = sigil_tstate_get();
    if (arg != NULL) {
        pthread_barrier_wait((pthread_barrier_t *)arg);
    }
    for (int i = 0; i < NBUMPS; i++) {
        sigil_stat_bump(ts, SIGIL_STAT_frames_seen);
        if (i % 10 == 0) {
            sigil_fallback_bump(ts, SIGIL_FB_traced);
        }
    }
    return NULL;
}

/* Run NTHREADS bumpers; while they run, snapshots must never go down. */
static void
test_threads(void)
{
    uint64_t before[SIGIL_NCOUNTERS], during[SIGIL_NCOUNTERS], after[SIGIL_NCOUNTERS];
    sigil_stats_snapshot(before);
    pthread_t t[NTHREADS];
    /* The first wave holds all its records at once (the barrier), so it
     * leaves NTHREADS parked records behind for the second wave. */
    pthread_barrier_t all_live;
    CHECK(pthread_barrier_init(&all_live, NULL, NTHREADS) == 0);
    for (int i = 0; i < NTHREADS; i++) {
        CHECK(pthread_create(&t[i], NULL, bumper, &all_live) == 0);
    }
    uint64_t last = before[SIGIL_CTR_STAT(SIGIL_STAT_frames_seen)];
    for (int k = 0; k < 100; k++) {
        sigil_stats_snapshot(during);
        CHECK(during[SIGIL_CTR_STAT(SIGIL_STAT_frames_seen)] >= last);
        last = during[SIGIL_CTR_STAT(SIGIL_STAT_frames_seen)];
    }
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(t[i], NULL);
    }
    pthread_barrier_destroy(&all_live);
    sigil_stats_snapshot(after);
    CHECK(after[SIGIL_CTR_STAT(SIGIL_STAT_frames_seen)] -
          before[SIGIL_CTR_STAT(SIGIL_STAT_frames_seen)] == (uint64_t)NTHREADS * NBUMPS);
    CHECK(after[SIGIL_CTR_FALLBACK(SIGIL_FB_traced)] -
          before[SIGIL_CTR_FALLBACK(SIGIL_FB_traced)] == (uint64_t)NTHREADS * (NBUMPS / 10));
    CHECK(after[SIGIL_CTR_STAT(SIGIL_STAT_threads_seen)] -
          before[SIGIL_CTR_STAT(SIGIL_STAT_threads_seen)] == NTHREADS);
    /* Exited threads park their records for reuse (their key destructor
     * runs before pthread_join returns): a second wave of at most NTHREADS
     * live threads allocates none. */
    int records = sigil_stats_nthreads();
    for (int i = 0; i < NTHREADS; i++) {
        CHECK(pthread_create(&t[i], NULL, bumper, NULL) == 0);
    }
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(t[i], NULL);
    }
    CHECK(sigil_stats_nthreads() == records);
}

static void
test_reset(void)
{
    sigil_tstate *ts = sigil_tstate_get();
    sigil_stat_bump(ts, SIGIL_STAT_frames_sigil);
    CHECK(sigil_stats_get("eval.frames_sigil") >= 1);
    sigil_stats_reset();
    CHECK(sigil_stats_get("eval.frames_sigil") == 0);
    sigil_stat_bump(ts, SIGIL_STAT_frames_sigil);
    sigil_stat_bump(ts, SIGIL_STAT_frames_sigil);
    CHECK(sigil_stats_get("eval.frames_sigil") == 2);
    CHECK(sigil_stats_get("no.such.counter") == -1);
}

static void
test_tables(void)
{
    for (int i = 0; i < SIGIL_NCOUNTERS; i++) {
        const char *k = sigil_stats_key(i);
        CHECK(k != NULL && strchr(k, '.') != NULL);
        CHECK(sigil_stats_desc(i) != NULL && sigil_stats_desc(i)[0] != '\0');
        for (int j = 0; j < i; j++) {
            CHECK(strcmp(k, sigil_stats_key(j)) != 0);
        }
    }
    CHECK(sigil_stats_key(SIGIL_NCOUNTERS) == NULL);
    CHECK(strcmp(sigil_stats_key(SIGIL_CTR_FALLBACK(SIGIL_FB_traced)), "fallback.traced") == 0);
    /* ORDER SPECFAIL: per-family reasons, with FAMILY.fail.other numbered
     * as the family. */
    CHECK(strcmp(sigil_stats_key(SIGIL_CTR_FAMFAIL(SIGIL_FF_CALL_code_flags)), "CALL.fail.code_flags") == 0);
    CHECK(strcmp(sigil_stats_key(SIGIL_CTR_FAMFAIL(SIGIL_FAM_LOAD_ATTR)), "LOAD_ATTR.fail.other") == 0);
    /* ORDER STEP / ORDER UOPCTR: steps after the guards, derived per-uop
     * counters last. */
    CHECK(strcmp(sigil_stats_key(SIGIL_CTR_STEP(SIGIL_STEP_BINARY_OP_ADD_INT_GUARD_NOS_INT)),
                 "guard.BINARY_OP_ADD_INT.GUARD_NOS_INT") == 0);
    CHECK(strcmp(sigil_stats_key(SIGIL_CTR_STEP(SIGIL_STEP_LOAD_ATTR_INSTANCE_VALUE_GUARD_TOS_TYPE_VERSION)),
                 "guard.LOAD_ATTR_INSTANCE_VALUE.GUARD_TOS_TYPE_VERSION") == 0);
    CHECK(strcmp(sigil_stats_key(SIGIL_CTR_UOP(SIGIL_UOP_GUARD_TOS_INT, 1)), "uop.GUARD_TOS_INT.failed") == 0);
    CHECK(SIGIL_NCOUNTERS == SIGIL_CTR_UOP(SIGIL_UOP__MAX, 0));

    Py_Initialize();
    PyObject *d = sigil_stats_dict();
    /* Every counter, except the stock loop's instruction count on flavors
     * that cannot count it (absent there rather than a false 0) and the
     * steps that cannot fail (actions). */
    int nabsent = 0;
    for (int i = 0; i < SIGIL_NCOUNTERS; i++) {
        nabsent += sigil_stats_counter_absent(i);
    }
    CHECK(nabsent >= 2 * !sigil_stats_stock_counted() + 1);
    CHECK(d != NULL && PyDict_Size(d) == SIGIL_NCOUNTERS - nabsent);
    CHECK(d != NULL && PyDict_GetItemString(d, "guard.TO_BOOL_INT.GUARD_TOS_INT") != NULL);
    CHECK(d != NULL && PyDict_GetItemString(d, "guard.TO_BOOL_INT.TRUTH_INT") == NULL);
    CHECK(d != NULL && (PyDict_GetItemString(d, "eval.instructions_stock") != NULL) ==
                           sigil_stats_stock_counted());
    CHECK(sigil_stats_get("eval.instructions_stock") == (sigil_stats_stock_counted() ? 0 : -1));
    PyObject *v = d ? PyDict_GetItemString(d, "eval.frames_sigil") : NULL;
    CHECK(v != NULL && PyLong_AsLong(v) == 2);
    Py_XDECREF(d);
    Py_Finalize();

    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    /* Sparse rows (guards, failure reasons) only when nonzero. */
    sigil_step_bump(sigil_tstate_get(), SIGIL_STEP_TO_BOOL_INT_GUARD_TOS_INT);
    sigil_stats_print(f);
    fclose(f);
    CHECK(buf != NULL && strstr(buf, "guard.TO_BOOL_INT.GUARD_TOS_INT") != NULL);
    CHECK(buf != NULL && strstr(buf, "guard.TO_BOOL_STR.GUARD_TOS_UNICODE") == NULL);
    /* One header per group, even though its reasons sit after the forms. */
    const char *h = buf ? strstr(buf, "[LOAD_ATTR]") : NULL;
    CHECK(h != NULL && strstr(h + 1, "[LOAD_ATTR]") == NULL);
    CHECK(buf != NULL && strstr(buf, "fallback.no_code_table") != NULL);
    CHECK(buf != NULL && strstr(buf, "[eval]") != NULL);
    free(buf);
}

static void
test_modes(void)
{
    sigil_mode m;
    CHECK(sigil_mode_parse("off", &m) == 0 && m == SIGIL_MODE_OFF);
    CHECK(sigil_mode_parse("interp", &m) == 0 && m == SIGIL_MODE_INTERP);
    CHECK(sigil_mode_parse("jit", &m) == 0 && m == SIGIL_MODE_JIT);
    CHECK(sigil_mode_parse("bogus", &m) == -1);
    CHECK(sigil_mode_parse("", &m) == -1);
    CHECK(strcmp(sigil_mode_name(SIGIL_MODE_JIT), "jit") == 0);
}

int
main(void)
{
    test_modes();
    test_threads();
    test_reset();
    test_tables();
    return sigil_test_done("test_stats");
}
