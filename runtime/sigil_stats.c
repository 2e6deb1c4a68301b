/* sigil_stats.c: the counter registry, snapshots, the stats table.
 *
 * Threads register a sigil_tstate on first use; when an OS thread exits,
 * a pthread key destructor folds its counters into `retired` and parks the
 * record on the list for reuse, so a program that starts a million
 * short-lived threads holds only as many records as were ever live at once.
 */
#include "sigil_stats.h"

#include <sched.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "sigil_python.h"
#include "sigil/sigil.h"
#include "sigil_uop.h"

/* -- Tables expanded from the .def files --------------------------------- */

static const char *const counter_keys[SIGIL_NCOUNTERS] = {
#define SIGIL_STATDEF(name, key, desc) key,
#include "sigil_stats.def"
#undef SIGIL_STATDEF
#define SIGIL_FALLBACKDEF(name, desc) "fallback." #name,
#include "sigil_fallback.def"
#undef SIGIL_FALLBACKDEF
/* one "FAMILY.counter" key per family and counter */
#define SIGIL_FAMILYDEF(fam) \
    #fam ".attempts", #fam ".successes", #fam ".failures", #fam ".misses", #fam ".deopts", \
    #fam ".generic",
#include "sigil_spec.def"
#undef SIGIL_FAMILYDEF
#define SIGIL_FORMDEF(form, fam, guard) "form." #form,
#include "sigil_spec.def"
#undef SIGIL_FORMDEF
#define SIGIL_FORM_BEGIN(form, kind)
#define SIGIL_STEP(form, uop) "guard." #form "." #uop,
#define SIGIL_FORM_END(form)
#include "sigil_steps.def"
#undef SIGIL_FORM_BEGIN
#undef SIGIL_STEP
#undef SIGIL_FORM_END
#define SIGIL_FAMILYDEF(fam) #fam ".fail.other",
#include "sigil_spec.def"
#undef SIGIL_FAMILYDEF
#define SIGIL_FAMFAILDEF(fam, reason) #fam ".fail." #reason,
#include "sigil_specfail.def"
#undef SIGIL_FAMFAILDEF
#define SIGIL_UOPDEF(name, kind, deps, fx, stack, doc) "uop." #name ".executions", "uop." #name ".failed",
#include "sigil_uops.def"
#undef SIGIL_UOPDEF
};

static const char *const counter_descs[] = {
#define SIGIL_STATDEF(name, key, desc) desc,
#include "sigil_stats.def"
#undef SIGIL_STATDEF
#define SIGIL_FALLBACKDEF(name, desc) desc,
#include "sigil_fallback.def"
#undef SIGIL_FALLBACKDEF
#define SIGIL_X(name, desc) desc,
#define SIGIL_FAMILYDEF(fam) SIGIL_FAMCTR_LIST(SIGIL_X)
#include "sigil_spec.def"
#undef SIGIL_FAMILYDEF
#undef SIGIL_X
#define SIGIL_FORMDEF(form, fam, guard) "hits of this form (guard: " guard ")",
#include "sigil_spec.def"
#undef SIGIL_FORMDEF
/* the steps' descriptions are their micro-ops' (sigil_uop_docs), the
 * failure reasons' come from specfail_descs */
};

static const char *const specfail_descs[SIGIL_SF__MAX] = {
#define SIGIL_SPECFAILDEF(name, desc) "no form: " desc,
#include "sigil_specfail.def"
#undef SIGIL_SPECFAILDEF
};

/* The reason each failure counter counts (ORDER SPECFAIL). */
static const unsigned char famfail_reasons[SIGIL_FF__MAX] = {
#define SIGIL_FAMILYDEF(fam) SIGIL_SF_other,
#include "sigil_spec.def"
#undef SIGIL_FAMILYDEF
#define SIGIL_FAMFAILDEF(fam, reason) SIGIL_SF_##reason,
#include "sigil_specfail.def"
#undef SIGIL_FAMFAILDEF
};
_Static_assert(SIGIL_SF__MAX <= 256, "famfail_reasons holds a reason in a byte");
_Static_assert(sizeof(counter_descs) / sizeof(counter_descs[0]) == SIGIL_CTR_STEP(0),
               "ORDER STAT: description table out of step with the .def files");

/* ORDER FAMCTR: the key list above spells the counters out by hand. */
_Static_assert(SIGIL_FAMCTR__MAX == 6, "ORDER FAMCTR: update the family key list");

_Static_assert(sizeof(counter_keys) / sizeof(counter_keys[0]) == SIGIL_NCOUNTERS,
               "ORDER STAT: key table out of step with the .def files");

const char *
sigil_stats_key(int idx)
{
    return (idx >= 0 && idx < SIGIL_NCOUNTERS) ? counter_keys[idx] : NULL;
}

const char *
sigil_stats_desc(int idx)
{
    if (idx >= SIGIL_CTR_UOP(0, 0) && idx < SIGIL_NCOUNTERS) {
        return (idx - SIGIL_CTR_UOP(0, 0)) % 2 == 0
                   ? "runs of this micro-op, all forms (derived: a form's hits plus its later steps' failures)"
                   : "failures of this micro-op, all forms (sum of its guard.* rows)";
    }
    if (idx >= SIGIL_CTR_FAMFAIL(0) && idx < SIGIL_NCOUNTERS) {
        return specfail_descs[famfail_reasons[idx - SIGIL_CTR_FAMFAIL(0)]];
    }
    if (idx >= SIGIL_CTR_STEP(0) && idx < SIGIL_CTR_FAMFAIL(0)) {
        return sigil_uop_step_desc(idx - SIGIL_CTR_STEP(0));
    }
    return (idx >= 0 && idx < SIGIL_NCOUNTERS) ? counter_descs[idx] : NULL;
}

/* -- Registry ------------------------------------------------------------ */

/* The process-wide registry of per-thread records. This is Sigil's one
 * process-global: counters must outlive interpreters (the exit table is
 * printed after finalization) and OS threads (folded on exit). Every field
 * is guarded by `lock`. */
static struct {
    pthread_mutex_t lock;
    pthread_key_t key;
    pthread_once_t once;
    sigil_tstate *head;          /* all records, live or parked */
    int nrecords;
    uint64_t retired[SIGIL_NCOUNTERS];   /* folded from exited threads */
    uint64_t baseline[SIGIL_NCOUNTERS];  /* subtracted after a reset */
} reg = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .once = PTHREAD_ONCE_INIT,
};

_Thread_local sigil_tstate *sigil_tls_state;

/* Thread-exit destructor: fold the thread's counters into `retired` and park
 * the record. Runs on the exiting thread, so no other thread writes it. */
static void
tstate_exit(void *arg)
{
    sigil_tstate *ts = arg;
    pthread_mutex_lock(&reg.lock);
    for (int i = 0; i < SIGIL_NCOUNTERS; i++) {
        reg.retired[i] += atomic_load_explicit(&ts->counters[i], memory_order_relaxed);
        atomic_store_explicit(&ts->counters[i], 0, memory_order_relaxed);
    }
    ts->live = 0;
    ts->interp = NULL;
    ts->rt = NULL;
    pthread_mutex_unlock(&reg.lock);
    sigil_tls_state = NULL;
}

static void
registry_init(void)
{
    if (pthread_key_create(&reg.key, tstate_exit) != 0) {
        Py_FatalError("sigil: pthread_key_create failed");
    }
}

/* First use on a thread: reuse a parked record or allocate one. */
sigil_tstate *
sigil_tstate_get_slow(void)
{
    pthread_once(&reg.once, registry_init);
    pthread_mutex_lock(&reg.lock);
    sigil_tstate *ts;
    for (ts = reg.head; ts != NULL; ts = ts->next) {
        if (!ts->live) {
            break;
        }
    }
    if (ts == NULL) {
        ts = PyMem_RawCalloc(1, sizeof(*ts));
        if (ts == NULL) {
            pthread_mutex_unlock(&reg.lock);
            Py_FatalError("sigil: out of memory allocating thread state");
        }
        ts->next = reg.head;
        reg.head = ts;
        reg.nrecords++;
    }
    ts->live = 1;
    pthread_mutex_unlock(&reg.lock);
    pthread_setspecific(reg.key, ts);
    sigil_tls_state = ts;
    sigil_stat_bump(ts, SIGIL_STAT_threads_seen);
    return ts;
}

void
sigil_pin_wait_windows(void)
{
    sigil_tstate *self = sigil_tstate_get();
    pthread_once(&reg.once, registry_init);
    /* A pthread mutex: held only for short walks and never around a wait
     * for the interpreter, so taking it here cannot deadlock with a thread
     * in a window (which takes no lock) or a stop of the world. */
    pthread_mutex_lock(&reg.lock);
    for (sigil_tstate *ts = reg.head; ts != NULL; ts = ts->next) {
        if (ts == self) {
            continue;
        }
        /* Acquire: the window's reads of the value happen before its
         * closing store, which this load then happens after. */
        while (atomic_load_explicit(&ts->pin_window, memory_order_acquire) != 0) {
            sched_yield();
        }
    }
    pthread_mutex_unlock(&reg.lock);
}

/* One execution of a specialized form, while execution counting is on. */
void
sigil_form_count(sigil_tstate *ts, sigil_form form)
{
    sigil_counter_add(ts, SIGIL_CTR_FORM(form), 1);
}

int
sigil_stats_nthreads(void)
{
    pthread_mutex_lock(&reg.lock);
    int n = reg.nrecords;
    pthread_mutex_unlock(&reg.lock);
    return n;
}

/* -- Stock-loop instructions (stats flavor) --------------------------- */

#ifdef Py_STATS
/* CPython's stock loop counts into *_Py_stats. Sigil points that at a
 * struct of its own instead of CPython's (which is what _Py_StatsOn would
 * do): CPython's exit-time dump (_PyEval_Fini) prints only its own struct,
 * which then stays all zero, so no process writes pystats to /tmp/py_stats
 * or to stderr, and Sigil can still read the count after finalization
 * (its exit-time stats files are written after _PyEval_Fini).
 *
 * The increments are plain (non-atomic) adds by every thread running the
 * stock loop: under threads a few can be lost, and a concurrent read of a
 * counter may see an old value; the share computed from them is an
 * estimate with that small error, never a crash (the struct is static and
 * never freed). */
static GCStats sigil_pystats_gc[NUM_GENERATIONS];
static PyStats sigil_pystats = {.gc_stats = sigil_pystats_gc};

static uint64_t
stock_total(void)
{
    uint64_t n = 0;
    for (int op = 0; op < 256; op++) {
        n += sigil_pystats.opcode_stats[op].execution_count;
    }
    return n;
}

void
sigil_stats_stock_begin(void)
{
    /* Plain store: called by main() before the interpreter (and so any
     * other thread) exists; thread creation orders it before their loads. */
    _Py_stats = &sigil_pystats;
}

int
sigil_stats_stock_counted(void)
{
    return 1;
}

static int
reason_is_traced(int reason)
{
    /* instrumentation_sync: another thread changed the monitoring state
     * (sys.monitoring events or tools, settrace/setprofile) under this
     * code; the stock loop brings the code up to date and runs the frame,
     * which is the instrumentation's business like any instrumented frame. */
    return reason == SIGIL_FB_traced || reason == SIGIL_FB_instrumented ||
           reason == SIGIL_FB_instrumentation_sync;
}

/* One process-wide window, open while any thread has a traced or
 * instrumented frame on the stock loop: per-thread windows would count
 * the same instructions once per overlapping thread (global monitoring
 * events put every thread's frames on the stock loop at once). Under
 * reg.lock, which sum_locked also holds to read traced_total; tracing is
 * already slow, so a mutex per traced frame costs nothing that matters. */
static uint64_t traced_open;    /* frames inside the window */
static uint64_t traced_mark;    /* stock total when the window opened */
static uint64_t traced_total;   /* stock instructions inside closed windows */

void
sigil_stats_stock_enter(int reason)
{
    if (reason_is_traced(reason)) {
        pthread_mutex_lock(&reg.lock);
        if (traced_open++ == 0) {
            traced_mark = stock_total();
        }
        pthread_mutex_unlock(&reg.lock);
    }
}

void
sigil_stats_stock_leave(int reason)
{
    if (reason_is_traced(reason)) {
        pthread_mutex_lock(&reg.lock);
        if (--traced_open == 0) {
            uint64_t now = stock_total();
            traced_total += now > traced_mark ? now - traced_mark : 0;
        }
        pthread_mutex_unlock(&reg.lock);
    }
}

static uint64_t
traced_total_locked(void)
{
    /* An open window counts up to now, so a snapshot taken inside a traced
     * frame (sys.settrace then sigil.stats()) is current. */
    return traced_total + (traced_open ? stock_total() - traced_mark : 0);
}
#else
static uint64_t
stock_total(void)
{
    return 0;
}

static uint64_t
traced_total_locked(void)
{
    return 0;
}

void
sigil_stats_stock_begin(void)
{
}

void
sigil_stats_stock_enter(int reason)
{
    (void)reason;
}

void
sigil_stats_stock_leave(int reason)
{
    (void)reason;
}

int
sigil_stats_stock_counted(void)
{
    return 0;
}
#endif

/* A counter the build cannot count is left out of the dict and the JSON
 * (and shown as n/a in the table) rather than reported as 0. */
static int
counter_absent(int i)
{
    if (i >= SIGIL_CTR_STEP(0) && i < SIGIL_CTR_STEP(SIGIL_STEP__MAX)) {
        /* An action step cannot fail: no guard.* key for it. */
        return sigil_uop_kinds[sigil_step_uops[i - SIGIL_CTR_STEP(0)]] == SIGIL_UOP_ACTION;
    }
    if (i == SIGIL_CTR_STAT(SIGIL_STAT_instructions_sigil)) {
        return !SIGIL_COUNTS_INSTRUCTIONS;
    }
    return (i == SIGIL_CTR_STAT(SIGIL_STAT_instructions_stock) ||
            i == SIGIL_CTR_STAT(SIGIL_STAT_instructions_stock_traced)) &&
           !sigil_stats_stock_counted();
}

int
sigil_stats_counter_absent(int idx)
{
    return idx >= 0 && idx < SIGIL_NCOUNTERS && counter_absent(idx);
}

/* Fill the per-micro-op counters from the form hits and step failures:
 * a step ran once for every hit of its form and every failure of it or of
 * a later step of the same form (the steps of a form are contiguous, ORDER
 * STEP). A step after one that raised is counted as run: the form's hit
 * is counted on an error exit too. */
static void
derive_uops(uint64_t *out)
{
    for (int u = 0; u < SIGIL_UOP__MAX; u++) {
        out[SIGIL_CTR_UOP(u, 0)] = out[SIGIL_CTR_UOP(u, 1)] = 0;
    }
    int form = -1;
    uint64_t later = 0;
    for (int st = SIGIL_STEP__MAX - 1; st >= 0; st--) {
        if (sigil_step_forms[st] != form) {
            form = sigil_step_forms[st];
            later = 0;
        }
        uint64_t failed = out[SIGIL_CTR_STEP(st)];
        later += failed;
        int u = sigil_step_uops[st];
        out[SIGIL_CTR_UOP(u, 0)] += out[SIGIL_CTR_FORM(form)] + later;
        out[SIGIL_CTR_UOP(u, 1)] += failed;
    }
}

/* -- Gauges ------------------------------------------------------------ */

_Atomic int64_t sigil_gauges_unowned[SIGIL_GAUGE__MAX];

void
sigil_gauges_sum(int64_t out[SIGIL_GAUGE__MAX])
{
    for (int g = 0; g < SIGIL_GAUGE__MAX; g++) {
        out[g] = atomic_load_explicit(&sigil_gauges_unowned[g], memory_order_relaxed);
    }
    pthread_once(&reg.once, registry_init);
    pthread_mutex_lock(&reg.lock);
    for (sigil_tstate *ts = reg.head; ts != NULL; ts = ts->next) {
        for (int g = 0; g < SIGIL_GAUGE__MAX; g++) {
            out[g] += atomic_load_explicit(&ts->gauges[g], memory_order_relaxed);
        }
    }
    pthread_mutex_unlock(&reg.lock);
}

/* -- Snapshots --------------------------------------------------------- */

static void
sum_locked(uint64_t *out)
{
    memcpy(out, reg.retired, sizeof(reg.retired));
    for (sigil_tstate *ts = reg.head; ts != NULL; ts = ts->next) {
        for (int i = 0; i < SIGIL_NCOUNTERS; i++) {
            out[i] += atomic_load_explicit(&ts->counters[i], memory_order_relaxed);
        }
    }
    out[SIGIL_CTR_STAT(SIGIL_STAT_instructions_stock)] += stock_total();
    out[SIGIL_CTR_STAT(SIGIL_STAT_instructions_stock_traced)] += traced_total_locked();
}

void
sigil_stats_snapshot(uint64_t *out)
{
    pthread_mutex_lock(&reg.lock);
    sum_locked(out);
    for (int i = 0; i < SIGIL_NCOUNTERS; i++) {
        /* A counter read concurrently can only grow, so the difference is
         * non-negative except for a counter that was not yet visible at the
         * reset; clamp rather than wrap. */
        out[i] = out[i] >= reg.baseline[i] ? out[i] - reg.baseline[i] : 0;
    }
    pthread_mutex_unlock(&reg.lock);
    derive_uops(out);
}

_Atomic int sigil_exec_counting;

void
sigil_stats_reset(void)
{
    /* Owners keep writing their own slots; a reset only moves the baseline,
     * so the single-writer rule of the counters is never broken. */
    pthread_mutex_lock(&reg.lock);
    sum_locked(reg.baseline);
    pthread_mutex_unlock(&reg.lock);
}

int64_t
sigil_stats_get(const char *key)
{
    uint64_t snap[SIGIL_NCOUNTERS];
    for (int i = 0; i < SIGIL_NCOUNTERS; i++) {
        if (strcmp(counter_keys[i], key) == 0) {
            if (counter_absent(i)) {
                return -1;
            }
            sigil_stats_snapshot(snap);
            return (int64_t)snap[i];
        }
    }
    return -1;
}

PyObject *
sigil_stats_dict(void)
{
    uint64_t snap[SIGIL_NCOUNTERS];
    sigil_stats_snapshot(snap);
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    for (int i = 0; i < SIGIL_NCOUNTERS; i++) {
        if (counter_absent(i)) {
            continue;
        }
        PyObject *v = PyLong_FromUnsignedLongLong(snap[i]);
        if (v == NULL || PyDict_SetItemString(d, counter_keys[i], v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(v);
    }
    return d;
}

/* The length of counter key idx's group (the part before the first dot). */
static size_t
group_len(int idx)
{
    const char *key = counter_keys[idx];
    const char *dot = strchr(key, '.');
    return dot ? (size_t)(dot - key) : strlen(key);
}

static int
same_group(int a, int b)
{
    size_t len = group_len(a);
    return len == group_len(b) && strncmp(counter_keys[a], counter_keys[b], len) == 0;
}

/* The PYTHON_SIGIL_STATS=1 table: one row per counter, grouped by family
 * (the part of the key before the dot; a group's rows in index order under
 * one header, in the order the groups first appear). Dense counters print
 * zero rows too, so that a missing count is visible as 0 rather than
 * absent; the sparse ones (guard.*, FAMILY.fail.*) only when nonzero, and
 * a group with no row left prints no header. */
void
sigil_stats_print(FILE *out)
{
    uint64_t snap[SIGIL_NCOUNTERS];
    sigil_stats_snapshot(snap);
    fprintf(out, "sigil stats (Sigil %s)\n", SIGIL_VERSION);
    fprintf(out, "  %-30s %14s  %s\n", "counter", "value", "meaning");
    fprintf(out, "  (guard.* and FAMILY.fail.* rows only when nonzero; sigil.stats() has them all)\n");
    for (int g = 0; g < SIGIL_NCOUNTERS; g++) {
        int first = 1;
        for (int h = 0; h < g && first; h++) {
            first = !same_group(g, h);
        }
        if (!first) {
            continue;   /* group printed already */
        }
        int header = 0;
        for (int i = g; i < SIGIL_NCOUNTERS; i++) {
            if (!same_group(g, i) || (i >= SIGIL_CTR_FIRST_SPARSE && snap[i] == 0)) {
                continue;
            }
            const char *key = counter_keys[i];
            if (!header) {
                fprintf(out, "  [%.*s]\n", (int)group_len(g), key);
                header = 1;
            }
            if (counter_absent(i)) {
                fprintf(out, "  %-30s %14s  %s\n", key, "n/a", sigil_stats_desc(i));
                continue;
            }
            fprintf(out, "  %-30s %14llu  %s\n", key, (unsigned long long)snap[i],
                    sigil_stats_desc(i));
        }
    }
    fflush(out);
}

void
sigil_stats_print_json(FILE *out)
{
    uint64_t snap[SIGIL_NCOUNTERS];
    sigil_stats_snapshot(snap);
    fputc('{', out);
    const char *sep = "";
    for (int i = 0; i < SIGIL_NCOUNTERS; i++) {
        if (counter_absent(i)) {
            continue;
        }
        fprintf(out, "%s\"%s\": %llu", sep, counter_keys[i], (unsigned long long)snap[i]);
        sep = ", ";
    }
    fputs("}\n", out);
}
