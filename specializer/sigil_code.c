/* sigil_code.c: building, attaching and freeing instruction-word tables.
 *
 * See sigil_code.h for the word layout and the publication protocol.
 */
#include "sigil_code.h"
#include "sigil_consts.h"
#include "sigil_stats.h"

/* Bytes and count of live tables, for sigil.stats(). Relaxed: statistics
 * only, no other memory is published through them. */
static _Atomic int64_t live_tables;
static _Atomic int64_t live_bytes;

/* One allocation: header, words, then the adaptive counters. */
static size_t
table_bytes(Py_ssize_t n)
{
    return sizeof(sigil_code) + (size_t)n * sizeof(sigil_word) + (size_t)n * sizeof(uint16_t);
}

/* Records alive (allocated, not yet retired), retired so far, and the
 * bytes of the live ones: per-thread gauges (sigil_stats.h), since every
 * (re)specialization updates them. */

/* A record allocation holds `n` consecutive records (a polymorphic head
 * and its entries, or one plain record) after a header that says how
 * many, so that freeing needs nothing from the record's contents (which
 * a fault may have poisoned). */
typedef struct record_block {
    uint64_t nrecords;
    sigil_record recs[];
} record_block;

static record_block *
block_of(sigil_record *rec)
{
    return (record_block *)((char *)rec - offsetof(record_block, recs));
}

static size_t
block_bytes(uint64_t n)
{
    return sizeof(record_block) + (size_t)n * sizeof(sigil_record);
}

sigil_record *
sigil_record_new_n(const sigil_record *init, int n)
{
    assert(n >= 1);
    record_block *b = PyMem_Malloc(block_bytes((uint64_t)n));
    if (b == NULL) {
        return NULL;
    }
    if (((uintptr_t)b->recs >> 48) != 0 || ((uintptr_t)b->recs & (_Alignof(sigil_record) - 1)) != 0) {
        /* Not representable in a record word, or not aligned as a record
         * (PyMem's allocators return 16-byte aligned blocks, which the
         * header's padding keeps); the caller stays generic. */
        PyMem_Free(b);
        return NULL;
    }
    b->nrecords = (uint64_t)n;
    memcpy(b->recs, init, (size_t)n * sizeof(sigil_record));
    sigil_gauge_add(SIGIL_GAUGE_records_live, 1);
    sigil_gauge_add(SIGIL_GAUGE_record_bytes, (int64_t)block_bytes((uint64_t)n));
    return b->recs;
}

sigil_record *
sigil_record_new(const sigil_record *init)
{
    return sigil_record_new_n(init, 1);
}

static void
count_gone(record_block *b)
{
    sigil_gauge_add(SIGIL_GAUGE_records_live, -1);
    sigil_gauge_add(SIGIL_GAUGE_record_bytes, -(int64_t)block_bytes(b->nrecords));
}

void
sigil_record_free_unpublished(sigil_record *rec)
{
    record_block *b = block_of(rec);
    count_gone(b);
    PyMem_Free(b);
}

void
sigil_record_retire(sigil_record *rec)
{
    record_block *b = block_of(rec);
    size_t size = block_bytes(b->nrecords);
    count_gone(b);
    sigil_gauge_add(SIGIL_GAUGE_records_retired, 1);
    /* Another thread may have acquired the old word just before our CAS and
     * be reading this record now; CPython frees the block only after every
     * attached thread has passed a quiescent state after this call. */
    if (SIGIL_FAULT(retire_no_grace)) {
        /* Fault retire_no_grace: free at once. The poison makes a reader
         * that still holds the old word fail (huge oparg, wild pointer) as
         * a use after free does once the block is reused. */
        memset(b, 0xdb, size);
        PyMem_Free(b);
        return;
    }
    _PyMem_FreeDelayed(b, size);
}

void
sigil_record_memory(int64_t *nlive, int64_t *nretired, int64_t *nbytes)
{
    int64_t g[SIGIL_GAUGE__MAX];
    sigil_gauges_sum(g);
    *nlive = g[SIGIL_GAUGE_records_live];
    *nretired = g[SIGIL_GAUGE_records_retired];
    *nbytes = g[SIGIL_GAUGE_record_bytes];
}

static void
code_free(void *p)
{
    sigil_code *sc = p;
    if (sc == NULL) {
        return;
    }
    /* The code object is being deallocated: no frame runs it, so no thread
     * can hold one of its words, and records are freed at once. */
    for (Py_ssize_t i = 0; i < sc->ncodeunits; i++) {
        sigil_word w = atomic_load_explicit(&sc->words[i], memory_order_relaxed);
        if (SIGIL_W_IS_RECORD(w)) {
            sigil_record_free_unpublished(sigil_word_record(w));
        }
    }
    atomic_fetch_sub_explicit(&live_tables, 1, memory_order_relaxed);
    atomic_fetch_sub_explicit(&live_bytes, (int64_t)table_bytes(sc->ncodeunits),
                              memory_order_relaxed);
    PyMem_Free(sc);
}

static int init_shim_table(void);

int
sigil_code_init(Py_ssize_t *extra_index)
{
    Py_ssize_t idx = PyUnstable_Eval_RequestCodeExtraIndex(code_free);
    if (idx < 0) {
        PyErr_SetString(PyExc_RuntimeError, "sigil: no code-extra index available");
        return -1;
    }
    *extra_index = idx;
    return init_shim_table();
}

void
sigil_code_memory(int64_t *ntables, int64_t *nbytes)
{
    *ntables = atomic_load_explicit(&live_tables, memory_order_relaxed);
    *nbytes = atomic_load_explicit(&live_bytes, memory_order_relaxed);
}

/* Decode n units of base bytecode (no INSTRUMENTED_* or specialized
 * opcodes) into a table of words. */
static sigil_code *
build_units(PyCodeObject *co, const _Py_CODEUNIT *units, Py_ssize_t n)
{
    sigil_code *sc = PyMem_Malloc(table_bytes(n));
    if (sc == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    sc->co = co;
    sc->ncodeunits = n;
    sc->counters = (_Atomic uint16_t *)((char *)sc + sizeof(*sc) + n * sizeof(sigil_word));
    for (Py_ssize_t i = 0; i < n; i++) {
        atomic_init(&sc->counters[i], 0);
    }
    uint32_t ext = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int op = units[i].op.code;
        uint32_t arg = (ext << 8) | units[i].op.arg;
        int ncache = _PyOpcode_Caches[op];
        uint16_t aux = 0;
        if ((op == LOAD_FAST || op == LOAD_FAST_LOAD_FAST) && i + 1 < n) {
            int next = units[i + 1].op.code;
            /* A BINARY_OP only for +, - and * (plain or in place): no other
             * operator has a SIGIL_OPERANDDEF form, and an unmarked
             * LOAD_FAST skips the borrowed table's lookup. */
            int nb = sigil_nb_base(units[i + 1].op.arg);
            if (next == LOAD_ATTR || next == STORE_ATTR || next == COMPARE_OP ||
                next == BINARY_SUBSCR ||
                (next == BINARY_OP && (nb == NB_ADD || nb == NB_SUBTRACT || nb == NB_MULTIPLY))) {
                aux = SIGIL_AUX_LOAD_FAST_OWNER;
            }
        }
        atomic_init(&sc->words[i], sigil_word_make_aux(op, ncache, arg, aux));
        ext = (op == EXTENDED_ARG) ? arg : 0;
        for (int c = 0; c < ncache && i + 1 < n; c++) {
            i++;
            atomic_init(&sc->words[i], sigil_word_make(CACHE, 0, 0));
        }
    }
    atomic_fetch_add_explicit(&live_tables, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&live_bytes, (int64_t)table_bytes(n), memory_order_relaxed);
    return sc;
}

/* A code object's table. Its bytes come from PyCode_GetCode, which undoes
 * instrumentation and specialization. */
static sigil_code *
build(PyCodeObject *co)
{
    PyObject *bytes = PyCode_GetCode(co);
    if (bytes == NULL) {
        return NULL;
    }
    sigil_code *sc = build_units(co, (const _Py_CODEUNIT *)PyBytes_AS_STRING(bytes),
                                 PyBytes_GET_SIZE(bytes) / (Py_ssize_t)sizeof(_Py_CODEUNIT));
    Py_DECREF(bytes);
    return sc;
}

/* The __init__ shim's code is static and read-only: PyCode_GetCode would
 * cache its bytes on it, and co_extra cannot hold a table, so its table is
 * made here from its units (nothing instruments or specializes that code)
 * once per process, and never freed. Two interpreters installing Sigil at
 * once may both build one: a release CAS publishes the first (a whole
 * table), the other is freed. The loop reads the pointer plainly: its
 * frames run only after their interpreter's sigil_code_init saw it set
 * (acquire), and it never changes again. */
sigil_code *sigil_init_shim_table;

static int
init_shim_table(void)
{
    if (__atomic_load_n(&sigil_init_shim_table, __ATOMIC_ACQUIRE) != NULL) {
        return 0;
    }
    PyCodeObject *co = SIGIL_INIT_SHIM_CODE;
    sigil_code *sc = build_units(co, _PyCode_CODE(co), Py_SIZE(co));
    if (sc == NULL) {
        return -1;
    }
    sigil_code *expected = NULL;
    if (!__atomic_compare_exchange_n(&sigil_init_shim_table, &expected, sc, 0, __ATOMIC_RELEASE,
                                     __ATOMIC_ACQUIRE)) {
        code_free(sc);   /* another interpreter's is published */
    }
    return 0;
}

sigil_code *
sigil_code_get_slow(PyCodeObject *co, Py_ssize_t extra_index)
{
    sigil_code *sc = build(co);
    if (sc == NULL) {
        return NULL;
    }
    PyInterpreterState *interp = _PyInterpreterState_GET();
    for (;;) {
        sigil_code_extra *ce = __atomic_load_n((sigil_code_extra **)&co->co_extra, __ATOMIC_ACQUIRE);
        if (ce == NULL) {
            /* No extra block yet: make one with our slot filled and install
             * it with a release CAS, so a reader never sees a half-made
             * block. */
            Py_ssize_t size = interp->co_extra_user_count;
            if (size <= extra_index) {
                size = extra_index + 1;
            }
            ce = PyMem_Calloc(1, sizeof(sigil_code_extra) + (size - 1) * sizeof(void *));
            if (ce == NULL) {
                code_free(sc);
                PyErr_NoMemory();
                return NULL;
            }
            ce->ce_size = size;
            ce->ce_extras[extra_index] = sc;
            void *expected = NULL;
            if (__atomic_compare_exchange_n(&co->co_extra, &expected, ce, 0,
                                            __ATOMIC_RELEASE, __ATOMIC_ACQUIRE)) {
                break;
            }
            PyMem_Free(ce);   /* lost the race: retry with the winner's block */
            continue;
        }
        if (ce->ce_size <= extra_index) {
            /* The block predates our index; growing it would free memory
             * other readers may hold. Run this code on the stock loop. */
            code_free(sc);
            return NULL;
        }
        void *expected = NULL;
        if (__atomic_compare_exchange_n(&ce->ce_extras[extra_index], &expected, sc, 0,
                                        __ATOMIC_RELEASE, __ATOMIC_ACQUIRE)) {
            break;
        }
        /* Another thread published first: use its table, free ours. */
        code_free(sc);
        return expected;
    }
    /* Published: the first run of this code (only the publisher gets here). */
    sigil_consts_immortalize(co);
    return sc;
}
