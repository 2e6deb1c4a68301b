/* sigil_stats.h: per-thread counters, summed on demand.
 *
 * Every counter is declared once in a .def table (sigil_stats.def,
 * sigil_fallback.def) and expanded here into one flat index space. Each OS
 * thread owns a sigil_tstate whose counters only it writes; readers sum all
 * threads. The hot path is therefore a plain load and store of a cache line
 * the thread owns: no atomic read-modify-write, no shared line bouncing.
 */
#ifndef SIGIL_STATS_H
#define SIGIL_STATS_H

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

/* -- Counter index space ------------------------------------------------ */

typedef enum sigil_stat {
#define SIGIL_STATDEF(name, key, desc) SIGIL_STAT_##name,
#include "sigil_stats.def"
#undef SIGIL_STATDEF
    SIGIL_STAT__MAX
} sigil_stat;

typedef enum sigil_fallback {
#define SIGIL_FALLBACKDEF(name, desc) SIGIL_FB_##name,
#include "sigil_fallback.def"
#undef SIGIL_FALLBACKDEF
    SIGIL_FB__MAX
} sigil_fallback;

typedef enum sigil_family {
#define SIGIL_FAMILYDEF(fam) SIGIL_FAM_##fam,
#include "sigil_spec.def"
#undef SIGIL_FAMILYDEF
    SIGIL_FAM__MAX
} sigil_family;

typedef enum sigil_form {
#define SIGIL_FORMDEF(form, fam, guard) SIGIL_FORM_##form,
#include "sigil_spec.def"
#undef SIGIL_FORMDEF
    SIGIL_FORM__MAX
} sigil_form;

/* Each form's family, as a constant (SIGIL_FORM_FAMILY_<form>): the
 * interpreter's step dispatch takes the form's family's miss path. */
enum {
#define SIGIL_FORMDEF(form, fam, guard) SIGIL_FORM_FAMILY_##form = SIGIL_FAM_##fam,
#include "sigil_spec.def"
#undef SIGIL_FORMDEF
};

/* The micro-ops of the specialized forms (specializer/sigil_uops.def,
 * ORDER UOP). */
typedef enum sigil_uop {
#define SIGIL_UOPDEF(name, kind, deps, fx, stack, doc) SIGIL_UOP_##name,
#include "sigil_uops.def"
#undef SIGIL_UOPDEF
    SIGIL_UOP__MAX
} sigil_uop;

/* One index per step of every micro-op form (specializer/sigil_steps.def,
 * ORDER STEP): a step that fails counts under "guard.<FORM>.<UOP>". */
typedef enum sigil_step {
#define SIGIL_FORM_BEGIN(form, kind)
#define SIGIL_STEP(form, uop) SIGIL_STEP_##form##_##uop,
#define SIGIL_FORM_END(form)
#include "sigil_steps.def"
#undef SIGIL_FORM_BEGIN
#undef SIGIL_STEP
#undef SIGIL_FORM_END
    SIGIL_STEP__MAX
} sigil_step;

/* Specialization-failure reasons (sigil_specfail.def). */
typedef enum sigil_specfail {
#define SIGIL_SPECFAILDEF(name, desc) SIGIL_SF_##name,
#include "sigil_specfail.def"
#undef SIGIL_SPECFAILDEF
    SIGIL_SF__MAX
} sigil_specfail;

/* ORDER SPECFAIL: one counter per family for `other` (in family order, so
 * SIGIL_FF_<fam>_other == SIGIL_FAM_<fam>), then one per declared
 * (family, reason) pair. */
typedef enum sigil_famfail {
#define SIGIL_FAMILYDEF(fam) SIGIL_FF_##fam##_other,
#include "sigil_spec.def"
#undef SIGIL_FAMILYDEF
#define SIGIL_FAMFAILDEF(fam, reason) SIGIL_FF_##fam##_##reason,
#include "sigil_specfail.def"
#undef SIGIL_FAMFAILDEF
    SIGIL_FF__MAX
} sigil_famfail;

/* Per-family counters (ORDER FAMCTR). */
#define SIGIL_FAMCTR_LIST(X)                                                      \
    X(attempts, "specialization attempts")                                        \
    X(successes, "words published in a specialized form")                         \
    X(failures, "attempts that found no form for the operands (backed off)")      \
    X(misses, "executions of a specialized form whose guard failed")              \
    X(deopts, "specialized words turned back to the generic form")               \
    X(generic, "executions of the unspecialized instruction (a miss runs it too: add misses)")
typedef enum sigil_famctr {
#define SIGIL_X(name, desc) SIGIL_FAMCTR_##name,
    SIGIL_FAMCTR_LIST(SIGIL_X)
#undef SIGIL_X
    SIGIL_FAMCTR__MAX
} sigil_famctr;

/* ORDER STAT: plain stats, one counter per fallback reason, per-family
 * counters, one hit counter per specialized form, one failure counter per
 * step of a form (sigil_steps.def), per-family specialization-failure
 * reasons, and the derived per-micro-op counters. */
#define SIGIL_CTR_STAT(s)     ((int)(s))
#define SIGIL_CTR_FALLBACK(r) ((int)SIGIL_STAT__MAX + (int)(r))
#define SIGIL_CTR_FAMILY(f, k) \
    ((int)SIGIL_STAT__MAX + (int)SIGIL_FB__MAX + (int)(f) * (int)SIGIL_FAMCTR__MAX + (int)(k))
#define SIGIL_CTR_FORM(form) \
    ((int)SIGIL_STAT__MAX + (int)SIGIL_FB__MAX + (int)SIGIL_FAM__MAX * (int)SIGIL_FAMCTR__MAX + (int)(form))
#define SIGIL_CTR_STEP(st) (SIGIL_CTR_FORM(SIGIL_FORM__MAX) + (int)(st))
#define SIGIL_CTR_FAMFAIL(ff) (SIGIL_CTR_STEP(SIGIL_STEP__MAX) + (int)(ff))
/* Per micro-op (ORDER UOPCTR: executions, failed): derived when a snapshot
 * is taken, from the form hits and step failures (no hot-path cost). */
#define SIGIL_CTR_UOP(u, k) (SIGIL_CTR_FAMFAIL(SIGIL_FF__MAX) + 2 * (int)(u) + (int)(k))
#define SIGIL_NCOUNTERS SIGIL_CTR_UOP(SIGIL_UOP__MAX, 0)
/* Counters from here on (guards, failure reasons) are sparse: the
 * PYTHON_SIGIL_STATS=1 table prints them only when nonzero. */
#define SIGIL_CTR_FIRST_SPARSE SIGIL_CTR_STEP(0)

/* Gauges: quantities that go down as well as up and that a stats reset
 * leaves alone (the cache records alive and their bytes, and the records
 * retired so far). Kept per thread like the counters: a thread's own
 * slot may go negative (a record allocated by one thread and retired by
 * another); the sum over all threads is the quantity. */
typedef enum sigil_gauge {
    SIGIL_GAUGE_records_live,
    SIGIL_GAUGE_record_bytes,
    SIGIL_GAUGE_records_retired,
    SIGIL_GAUGE__MAX
} sigil_gauge;

/* -- Per-thread state ---------------------------------------------------- */

#define SIGIL_DICT_SEEN_BITS 6
#define SIGIL_DICT_SEEN (1 << SIGIL_DICT_SEEN_BITS)
#define SIGIL_REPLACED_SEEN 16
#define SIGIL_REGROWS_MAX 64

typedef struct sigil_tstate {
    /* Written only by the owning thread (relaxed load + relaxed store);
     * read by any thread summing stats with relaxed loads. Atomic types make
     * that cross-thread read well-defined; relaxed is enough because a
     * counter snapshot promises no ordering against other memory. */
    _Atomic uint64_t counters[SIGIL_NCOUNTERS];
    /* Same single-writer rule. A parked record keeps its gauges, and the
     * sum runs over parked records too, so an exited thread's share stays
     * counted; the next owner's first load comes after the registry
     * mutex that parked it, so it sees the last stored value. */
    _Atomic int64_t gauges[SIGIL_GAUGE__MAX];
    /* Owner-only cache of the runtime for the last interpreter this thread
     * ran frames in (sigil_eval.c); never read by other threads. */
    struct _is *interp;
    struct sigil_runtime *rt;
    /* Owner-only tick that samples shared adaptive-counter updates
     * (sigil_spec_should_try). */
    uint32_t spec_tick;
    /* Owner-only streak of re-runs of the instruction at regrow_pc after
     * a miss grew its record (sigil_interp.c, SPEC_MISS_AT; at most
     * SIGIL_REGROWS_MAX); regrow_pc is compared only, never dereferenced. */
    const void *regrow_pc;
    uint8_t regrows;
    /* Owner-only tick that picks which misses of an operand of another
     * kind at a full polymorphic record are charged (sigil_spec.c,
     * full_record_miss). */
    uint32_t full_miss_tick;
    /* Owner-only sampling of the loads of mortal module-dict values that
     * another thread owns (sigil_consts.c, sigil_module_value_shared):
     * a tick, and the value the last sample saw. shared_last is only
     * compared, never dereferenced. */
    uint32_t shared_tick;
    const void *shared_last;
    /* Owner-only sampling of lookups in dicts another thread owns
     * (sigil_dictshare.c): a countdown and its random state, and notes on
     * SIGIL_DICT_SEEN dicts
     * scanned (dict, keys object, entries scanned), compared only, never
     * dereferenced. */
    uint32_t dict_tick, dict_rand;
    struct {
        const void *dict;
        const void *keys;
        intptr_t scanned;
        uint64_t version;
        uint16_t wait;
        uint8_t level, stable, done;
    } dict_seen[SIGIL_DICT_SEEN];
    /* Owner-only notes on the sites whose entry this thread last replaced
     * after a class change (sigil_spec.c, "replaced_soon"): site (code
     * table and unit, compared only, never dereferenced), when, and the
     * least a replacement there cost (clock ticks). */
    struct {
        const void *sc;
        intptr_t pc;
        uint64_t stamp, cost;
    } replaced[SIGIL_REPLACED_SEEN];
    /* The pin window (runtime/sigil_world.c, "Pinned globals"): 1 while
     * this thread uses a pinned global's value between its version check
     * and the reference it takes (or the end of its borrowed use). Stored
     * by the owner (relaxed to open, release to close), loaded with
     * acquire by a thread unpinning a global, which waits for it to close;
     * the store-load order the open needs against the version check comes
     * from the unpinning thread's membarrier(2). */
    _Atomic int pin_window;
    /* Owner-only free list of dead exact compact ints (specializer/
     * sigil_uop.h, "Ints"): linked through their lv_tag, at most
     * SIGIL_INT_FREE_MAX, every one allocated under the interpreter
     * `interp` names (sigil_eval.c empties the list when the thread moves
     * to another). A parked record keeps its list for the next owner,
     * whose first read comes after the registry mutex that parked it (as
     * for the gauges), so it sees the last owner's links. */
    void *ints;
    uint32_t nints;
    /* Registry list link and liveness: written under the registry mutex
     * only (sigil_stats.c), never read outside it. */
    struct sigil_tstate *next;
    int live;
} sigil_tstate;

/* Open and close the calling thread's pin window (see pin_window). The
 * signal fence keeps the compiler from moving the version check above the
 * open; the hardware's store-load order is the unpinner's membarrier. */
static inline void
sigil_pin_enter(sigil_tstate *ts)
{
    atomic_store_explicit(&ts->pin_window, 1, memory_order_relaxed);
    atomic_signal_fence(memory_order_seq_cst);
}

static inline void
sigil_pin_leave(sigil_tstate *ts)
{
    atomic_store_explicit(&ts->pin_window, 0, memory_order_release);
}

/* Wait until every thread's pin window that was open when the caller's
 * membarrier returned has closed (the unpinning watcher). Spins, yielding,
 * under the registry mutex; never detaches from the interpreter, so the
 * dict lock the caller holds stays held. */
void sigil_pin_wait_windows(void);

/* Free every int on the thread's int free list (specializer/sigil_uop.c:
 * the thread is moving to another interpreter, whose ints must come from
 * its own allocations). */
void sigil_ints_flush(sigil_tstate *ts);

/* The calling thread's state; created on first use. Never NULL. */
extern _Thread_local sigil_tstate *sigil_tls_state;
sigil_tstate *sigil_tstate_get_slow(void);

static inline sigil_tstate *
sigil_tstate_get(void)
{
    sigil_tstate *ts = sigil_tls_state;
    return ts != NULL ? ts : sigil_tstate_get_slow();
}

/* Gauge updates from a thread that has no state (yet): rare (a code
 * object freed by a thread that never ran a frame through Sigil), so a
 * shared atomic is fine there. */
extern _Atomic int64_t sigil_gauges_unowned[SIGIL_GAUGE__MAX];

/* Add n (may be negative) to gauge g. The calling thread's own slot when it
 * has a state: the specializer updates the record gauges on every
 * (re)specialization, and a process-wide atomic there was a cache line
 * that threads re-specializing at once kept taking from each other
 * (shared_class_write at 2 threads). Relaxed: statistics only. */
static inline void
sigil_gauge_add(sigil_gauge g, int64_t n)
{
    sigil_tstate *ts = sigil_tls_state;
    if (ts != NULL) {
        int64_t v = atomic_load_explicit(&ts->gauges[g], memory_order_relaxed);
        atomic_store_explicit(&ts->gauges[g], v + n, memory_order_relaxed);
    }
    else {
        atomic_fetch_add_explicit(&sigil_gauges_unowned[g], n, memory_order_relaxed);
    }
}

/* The gauges summed over every thread state, parked ones included. */
void sigil_gauges_sum(int64_t out[SIGIL_GAUGE__MAX]);

/* Add n to counter idx of the calling thread. Single writer: the owner is
 * the only thread that stores to its slots, so load+store cannot lose an
 * update, and avoids a lock-prefixed RMW on the hot path. */
static inline void
sigil_counter_add(sigil_tstate *ts, int idx, uint64_t n)
{
    uint64_t v = atomic_load_explicit(&ts->counters[idx], memory_order_relaxed);
    atomic_store_explicit(&ts->counters[idx], v + n, memory_order_relaxed);
}

static inline void
sigil_stat_bump(sigil_tstate *ts, sigil_stat s)
{
    sigil_counter_add(ts, SIGIL_CTR_STAT(s), 1);
}

static inline void
sigil_fallback_bump(sigil_tstate *ts, sigil_fallback r)
{
    sigil_counter_add(ts, SIGIL_CTR_FALLBACK(r), 1);
}

static inline void
sigil_family_bump(sigil_tstate *ts, sigil_family f, sigil_famctr k)
{
    sigil_counter_add(ts, SIGIL_CTR_FAMILY(f, k), 1);
}

/* Per-execution counting: the hits of every specialized form (form.*,
 * and the uop.* rows derived from them) and the runs of each family's
 * unspecialized word (FAMILY.generic). A counter update on every
 * instruction is 2-3% more instructions in hot loops (bench/README.md), so these
 * are kept only while counting is on: from startup with
 * PYTHON_SIGIL_STATS=1 or PYTHON_SIGIL_STATS_DIR, or from
 * sigil.count_executions(True). Every other counter (attempts, misses,
 * guard failures, deopts, frames, instructions) is always kept. Relaxed:
 * a thread that sees a switch late counts a few executions more or less;
 * nothing is published through the flag. */
extern _Atomic int sigil_exec_counting;

static inline int
sigil_counting_flag(void)
{
    return __builtin_expect(atomic_load_explicit(&sigil_exec_counting, memory_order_relaxed), 0);
}

/* The interpreter loop is compiled twice (runtime/sigil_interp.c, "Two
 * loops"): in each copy SIGIL_LOOP_COUNTING fixes the answer, so the copy
 * that does not count has no test left on its paths. Everywhere else the
 * flag is read. */
#ifdef SIGIL_LOOP_COUNTING
#define sigil_counting() (SIGIL_LOOP_COUNTING)
#else
static inline int
sigil_counting(void)
{
    return sigil_counting_flag();
}
#endif

/* The count itself, out of line: the loop inlines only the test (the
 * compiler would otherwise leave the whole bump out of line, a call per
 * form executed, about 2% of the instructions of form-heavy workloads). */
void sigil_form_count(sigil_tstate *ts, sigil_form form);

static inline __attribute__((always_inline)) void
sigil_form_bump(sigil_tstate *ts, sigil_form form)
{
    if (sigil_counting()) {
        sigil_form_count(ts, form);
    }
}

/* The description of step `st`'s micro-op (specializer/sigil_uop.c). */
const char *sigil_uop_step_desc(int st);

static inline void
sigil_step_bump(sigil_tstate *ts, sigil_step st)
{
    sigil_counter_add(ts, SIGIL_CTR_STEP(st), 1);
}

/* -- Reading ---------------------------------------------------------------- */

/* Sum every counter over all threads (live and exited) minus the reset
 * baseline, into out[SIGIL_NCOUNTERS]. */
void sigil_stats_snapshot(uint64_t *out);
/* The key ("family.counter") and description of counter idx. */
const char *sigil_stats_key(int idx);
const char *sigil_stats_desc(int idx);
/* Print every counter as one JSON object. */
void sigil_stats_print_json(FILE *out);
/* Number of sigil_tstate records allocated (live + reusable). */
int sigil_stats_nthreads(void);
/* Is counter idx left out of sigil.stats() and the table (a count this
 * flavor cannot take, or a step that cannot fail)? */
int sigil_stats_counter_absent(int idx);

/* The stats flavor (CPython built with --enable-pystats) counts the
 * instructions its stock loop executes; eval.instructions_stock reports
 * them. sigil_stats_stock_begin() starts the count (call it before the
 * interpreter runs any code). Other flavors: a no-op, and the key is
 * absent from the stats (it cannot be counted there). */
void sigil_stats_stock_begin(void);
/* Around a stock-loop run of a frame that fell back for `reason` (a
 * sigil_fallback): stock instructions executed while any thread has a
 * traced or instrumented frame (instrumentation_sync included) on the
 * stock loop are counted in
 * eval.instructions_stock_traced. Untraced stock instructions of other
 * threads inside that window are attributed too; they are rare (untraced
 * frames fall back only by exception) and the doc says so. No-ops on other
 * flavors. */
void sigil_stats_stock_enter(int reason);
void sigil_stats_stock_leave(int reason);
int sigil_stats_stock_counted(void);

#endif /* SIGIL_STATS_H */
