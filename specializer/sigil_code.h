/* sigil_code.h: the shared instruction stream of a code object.
 *
 * Every code object that Sigil runs gets a side table of 64-bit instruction
 * words, one per CPython code unit, so that slot i <-> code unit i and
 * frame->instr_ptr = _PyCode_CODE(co) + i stays exact for tracebacks,
 * f_lasti, generators and fallback. CPython's own co_code_adaptive is never
 * written.
 *
 * Word layout (ORDER WORD):
 *   bits  0..7   Sigil opcode (the CPython base opcode for generic words)
 *   bits  8..11  inline cache entries that follow in CPython's bytecode
 *   bits 12..15  kind: 0 = immediate word, 1 = record word
 * Immediate word (every generic word, and forms that need no cache):
 *   bits 16..47  oparg, with every EXTENDED_ARG prefix folded in
 *   bits 48..63  aux: a small immediate of a specialized form (e.g. the
 *                dict-entry index of LOAD_GLOBAL_MODULE); zero otherwise
 * Record word (a specialized form whose cache does not fit in 16 bits):
 *   bits 16..63  address of an immutable sigil_record (user-space addresses
 *                fit in 48 bits on x86-64 and AArch64), which also holds
 *                the oparg. Opcode and cache therefore still arrive in one
 *                acquire load: there is never a torn opcode/cache pair.
 * An EXTENDED_ARG slot holds EXTENDED_ARG with the partial oparg; the
 * evaluator treats it as a no-op that falls through to the next slot (a jump
 * may target the prefix, so the slot must stay executable). CACHE slots hold
 * CACHE and are never executed.
 *
 * Publication: a table is built privately, then attached to the code object
 * with one compare-and-swap of the code's extra slot (release); readers load
 * the slot with acquire, so they see a fully built table or none. A thread
 * that loses the race frees its copy. The table lives as long as the code
 * object (CPython calls our free function from code_dealloc, when no frame
 * can still run the code).
 */
#ifndef SIGIL_CODE_H
#define SIGIL_CODE_H

#include "sigil_python.h"
#include "sigil_fault.h"

#include <stdatomic.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>   /* sigil_record_poly_match */
#endif

typedef uint64_t sigil_word;

/* The block co->co_extra points to. CPython declares it privately in
 * Objects/codeobject.c (3.13): a size and that many slots. The unit test
 * test_code checks this layout against PyUnstable_Code_GetExtra. */
typedef struct sigil_code_extra {
    Py_ssize_t ce_size;
    void *ce_extras[1];
} sigil_code_extra;

#define SIGIL_W_OP(w)     ((int)((w) & 0xff))
#define SIGIL_W_IS_RECORD(w) ((((w) >> 12) & 0xf) == 1)
#define SIGIL_W_NCACHE(w) ((int)(((w) >> 8) & 0xf))
#define SIGIL_W_ARG(w)    ((int)(uint32_t)((w) >> 16))
#define SIGIL_W_AUX(w)    ((int)((w) >> 48))

static inline sigil_word
sigil_word_make(int op, int ncache, uint32_t oparg)
{
    return (sigil_word)(op & 0xff) | ((sigil_word)(ncache & 0xf) << 8) |
           ((sigil_word)oparg << 16);
}

static inline sigil_word
sigil_word_make_aux(int op, int ncache, uint32_t oparg, uint16_t aux)
{
    return sigil_word_make(op, ncache, oparg) | ((sigil_word)aux << 48);
}

/* The aux of a LOAD_FAST or LOAD_FAST_LOAD_FAST word whose next
 * instruction is a LOAD_ATTR or a STORE_ATTR (the local it pushes last is
 * that instruction's owner, which may run borrowed: "Borrowed owners" in
 * runtime/sigil_interp.c), or a BINARY_OP (+, -, *), COMPARE_OP or BINARY_SUBSCR
 * (the locals it pushes are operands, which may run borrowed: "Borrowed
 * operands" there). Written only by build_units, before the table
 * is published, so every thread's ordinary load of the word sees it; no
 * CAS ever replaces a LOAD_FAST word (the specializer publishes only the
 * words of specializable families). */
#define SIGIL_AUX_LOAD_FAST_OWNER 1

/* The cache of a record word. Filled completely before the word that points
 * to it is published (release CAS), never written afterwards, and freed
 * only after a QSBR grace period once a CAS has replaced that word, so a
 * thread that acquired the word may use the record until its next
 * quiescent state (Sigil's loop passes one only at eval-breaker checks,
 * never inside an instruction). Objects are cached borrowed, and only
 * objects with deferred reference counting (functions, code, descriptors,
 * types): CPython frees those only in a stop-the-world GC, which cannot
 * start while this thread is inside an instruction, and every guard that
 * precedes their use proves some live object still refers to them. */
typedef struct sigil_record {
    uint32_t oparg;
    uint16_t form;
    uint16_t index;       /* inline-values slot (LOAD_ATTR_INSTANCE_VALUE);
                             a polymorphic head's number of entries;
                             LOAD_GLOBAL_PINNED: 1 if obj is an exact dict */
    uint32_t version;     /* type version or function version */
    uint32_t version2;    /* shared-keys version (LOAD_ATTR_METHOD_*), callee
                             version, CALL_KW_PY's parameter map, or a
                             polymorphic head's count of rotations
                             (sigil_spec.c, full_record_miss) */
    union {
        /* LOAD_GLOBAL_BUILTIN_KEYED: the builtins' keys version and the
         * offset of the name's value slot in those keys, in obj's place
         * (the globals' address stays in key). */
        struct {
            uint32_t keys_version;
            uint32_t slot_offset;
        };
        struct {
            PyObject *obj;    /* borrowed, deferred-RC: descriptor or code */
            PyObject *key;    /* never dereferenced, compared by identity only
                                 (CALL_KW_PY: the call site's kwnames constant;
                                 attribute forms: the owner's type, to know an
                                 entry of an older version of the same class) */
        };
        /* A polymorphic head's copy of its entries' versions, for
         * sigil_uop_select_entry to compare all at once; the slots past
         * `index` repeat slot 0 (sigil_record_poly_fill). Written like
         * every field before the block's release publication, never
         * after; readers load it after acquiring the word. Aligned to
         * 16 bytes (so every record is), so that the compare reads it
         * straight from memory: loaded unaligned, GCC moved the vector
         * through a stack slot in the loop. */
        _Alignas(16) uint32_t poly_versions[4];
    };
} sigil_record;

/* A polymorphic record (form LOAD_ATTR_POLY) is a head followed, in the
 * same block, by `index` entries, each a complete record of a
 * monomorphic form keyed by its own type version (all distinct). The
 * whole block is immutable once published; growing it publishes a new
 * block and retires the old one. */
#define SIGIL_POLY_MAX 4

_Static_assert(SIGIL_POLY_MAX == 4 && sizeof(((sigil_record *)0)->poly_versions) == 16,
               "sigil_uop_select_entry compares a head's versions as one 16-byte vector");
_Static_assert(sizeof(sigil_record) == 32 && offsetof(sigil_record, poly_versions) % 16 == 0,
               "records stay 32 bytes, and their versions vector 16-byte aligned");

static inline const sigil_record *
sigil_record_entry(const sigil_record *head, int i)
{
    return head + 1 + i;
}

/* The version slot i of a polymorphic head's poly_versions holds: its
 * entry i's, or entry 0's past the last entry (a match there also matches
 * slot 0, which the selector prefers, so no slot holds a version no entry
 * has). */
static inline uint32_t
sigil_record_poly_slot(const sigil_record *head, int i)
{
    return sigil_record_entry(head, i < head->index ? i : 0)->version;
}

/* Fill a polymorphic head's poly_versions from its `head->index` entries
 * (which follow it in the block), before the block is published. */
static inline void
sigil_record_poly_fill(sigil_record *head)
{
    assert(head->index >= 1 && head->index <= SIGIL_POLY_MAX);
    for (int i = 0; i < SIGIL_POLY_MAX; i++) {
        head->poly_versions[i] = sigil_record_poly_slot(head, i);
    }
}

/* Invariant check: the head's poly_versions are as sigil_record_poly_fill
 * left them. */
static inline int
sigil_record_poly_filled(const sigil_record *head)
{
    if (head->index < 1 || head->index > SIGIL_POLY_MAX) {
        return 0;
    }
    for (int i = 0; i < SIGIL_POLY_MAX; i++) {
        if (head->poly_versions[i] != sigil_record_poly_slot(head, i)) {
            return 0;
        }
    }
    return 1;
}

/* The slots of `have` (a head's poly_versions) that hold v, as a mask (bit
 * i for slot i): four compares. sigil_record_poly_match computes the same
 * with one 16-byte compare where SSE2 exists (tests/unit/test_code.c
 * checks that the two agree). */
static inline unsigned
sigil_record_poly_match_scalar(const uint32_t have[4], uint32_t v)
{
    return (unsigned)(have[0] == v) | (unsigned)(have[1] == v) << 1 |
           (unsigned)(have[2] == v) << 2 | (unsigned)(have[3] == v) << 3;
}

static inline unsigned
sigil_record_poly_match(const uint32_t have[4], uint32_t v)
{
#if defined(__SSE2__)
    /* `have` is a record's poly_versions: 16-byte aligned */
    __m128i all = _mm_load_si128((const __m128i *)have);
    return (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(all, _mm_set1_epi32((int)v))));
#else
    return sigil_record_poly_match_scalar(have, v);
#endif
}

static inline sigil_record *
sigil_word_record(sigil_word w)
{
    return (sigil_record *)(uintptr_t)(w >> 16);
}

static inline sigil_word
sigil_word_make_record(int op, int ncache, const sigil_record *rec)
{
    uintptr_t p = (uintptr_t)rec;
    return (sigil_word)(op & 0xff) | ((sigil_word)(ncache & 0xf) << 8) | ((sigil_word)1 << 12) |
           ((sigil_word)p << 16);
}

/* The oparg of any word, immediate or record. */
static inline int
sigil_word_oparg(sigil_word w)
{
    return SIGIL_W_IS_RECORD(w) ? (int)sigil_word_record(w)->oparg : SIGIL_W_ARG(w);
}

/* The immediate word of base opcode `base_op` for an instruction whose
 * word is `w` (specialized, immediate or record): what a deoptimization
 * publishes, and what the loop runs the generic code with after a miss. */
static inline sigil_word
sigil_word_generic(int base_op, sigil_word w)
{
    return sigil_word_make(base_op, SIGIL_W_NCACHE(w), (uint32_t)sigil_word_oparg(w));
}

/* A type's attribute hooks, read with relaxed atomics: CPython 3.13t
 * rewrites tp_getattro / tp_setattro with plain stores (update_one_slot,
 * under the type lock, after zeroing the type's version) when a class
 * gains or loses __getattribute__ / __getattr__ / __setattr__. A chooser
 * that reads a stale hook picks a form whose recorded version is already
 * dead; only the read's atomicity matters here (ThreadSanitizer saw the
 * plain read race that store). */
static inline getattrofunc
sigil_type_getattro(PyTypeObject *tp)
{
    return (getattrofunc)_Py_atomic_load_ptr_relaxed(&tp->tp_getattro);
}

static inline setattrofunc
sigil_type_setattro(PyTypeObject *tp)
{
    return (setattrofunc)_Py_atomic_load_ptr_relaxed(&tp->tp_setattro);
}

typedef struct sigil_code {
    PyCodeObject *co;        /* borrowed: the table dies with the code */
    Py_ssize_t ncodeunits;
    /* Adaptive counters, one per code unit (sigil_spec.h). Any thread
     * reads and writes them with relaxed atomics: a lost update only shifts
     * when a specialization is next tried, so no ordering is needed. */
    _Atomic uint16_t *counters;
    /* Instruction words. Written only before publication (this layer) or
     * through sigil_code_word_cas (the specializer); read with acquire. */
    _Atomic sigil_word words[];
} sigil_code;

/* Per-interpreter setup: reserves the code-extra index (and makes the
 * process's __init__ shim table). 0 or -1 (exc). */
int sigil_code_init(Py_ssize_t *extra_index);

/* The table of SIGIL_INIT_SHIM_CODE, which cannot live in its co_extra.
 * Published once by compare-and-swap in sigil_code_init, before the
 * interpreter's frame hook is installed; never changed or freed after. */
extern sigil_code *sigil_init_shim_table;

/* The table of `co`, building and attaching it on first use. NULL with an
 * exception set on failure (memory), or NULL without one if the code's
 * extra slots were sized before Sigil reserved its index (the frame then
 * runs on the stock evaluator). */
sigil_code *sigil_code_get_slow(PyCodeObject *co, Py_ssize_t extra_index);

/* The attached table, or NULL if there is none yet. */
static inline sigil_code *
sigil_code_get_fast(PyCodeObject *co, Py_ssize_t extra_index)
{
    /* Acquire pairs with the release CAS in sigil_code_get_slow: a reader
     * that sees the pointer sees every word written before publication. */
    sigil_code_extra *ce = __atomic_load_n((sigil_code_extra **)&co->co_extra, __ATOMIC_ACQUIRE);
    if (ce != NULL && ce->ce_size > extra_index) {
        sigil_code *sc = __atomic_load_n((sigil_code **)&ce->ce_extras[extra_index], __ATOMIC_ACQUIRE);
        if (sc != NULL) {
            return sc;
        }
    }
    return NULL;
}

/* -- Parked tables -------------------------------------------------------------
 * A frame that Sigil's loop suspends to run a callee inline keeps its
 * table in its first free stack slot: the slot at its saved stack pointer,
 * which the callee's result fills when the frame resumes (every
 * instruction that pushes a frame pushes a result there, so the slot is
 * inside the frame's stack). Until then nobody reads it: the collector and
 * frame copies stop at the saved pointer, and the frame is suspended, so
 * no evaluator pushes onto it. The frame's code keeps the table alive, and
 * the code object cannot change under a live frame, so the parked pointer
 * is exact when the loop resumes the frame (runtime/sigil_interp.c,
 * resume_caller), which then skips the co_extra lookup. Only a frame this
 * thread is running or has suspended is touched: plain stores and loads.
 * Both take the slot (the frame's saved stack pointer), which the loop
 * already holds in a register. */
static inline void
sigil_park_table(PyObject **slot, sigil_code *t)
{
    *slot = (PyObject *)t;
}

static inline sigil_code *
sigil_parked_table(PyObject *const *slot)
{
    return (sigil_code *)*slot;
}

static inline sigil_word
sigil_code_word(const sigil_code *sc, Py_ssize_t i)
{
    /* Acquire: a word that points at a cache record (specializer) must show
     * the record's contents written before the word was published. */
    return atomic_load_explicit(&((sigil_code *)sc)->words[i], memory_order_acquire);
}

/* The loop's form of the load above: the word of the instruction at code
 * unit `ip` of the code whose table is `sc` and whose bytecode starts at
 * `code0`, as one indexed load from a bias computed once per frame (words
 * are 8 bytes, code units 2, so word i sits at bias + 4 * ip). The
 * arithmetic is on integers and wraps; only the sum is a pointer. */
static inline uintptr_t
sigil_code_word_bias(const sigil_code *sc, const _Py_CODEUNIT *code0)
{
    _Static_assert(sizeof(sigil_word) == 4 * sizeof(_Py_CODEUNIT), "word/unit size ratio");
    return (uintptr_t)sc->words - 4 * (uintptr_t)code0;
}

static inline sigil_word
sigil_code_word_at(uintptr_t bias, const _Py_CODEUNIT *ip)
{
    /* Acquire, as sigil_code_word. */
    return atomic_load_explicit((_Atomic sigil_word *)(bias + 4 * (uintptr_t)ip),
                                memory_order_acquire);
}

/* Replace word i if it still equals `expected`. Release on success: a
 * reader that acquires the new word sees everything written before. Returns
 * 1, or 0 if another thread changed the word first (a lost race). This is
 * the only way a published word is ever written. */
static inline int
sigil_code_word_cas(sigil_code *sc, Py_ssize_t i, sigil_word expected, sigil_word desired)
{
    /* Invariant: a record word's opcode is its record's form (a handler
     * reads the record as that form's). */
    assert(!SIGIL_W_IS_RECORD(desired) || sigil_word_record(desired)->form == SIGIL_W_OP(desired));
    /* Fault publish_relaxed: a relaxed CAS publishes the record's address
     * without ordering the record's fields before it; a reader's acquire
     * load then synchronizes with nothing (TSan reports the field reads). */
    if (SIGIL_FAULT(publish_relaxed)) {
        return atomic_compare_exchange_strong_explicit(&sc->words[i], &expected, desired,
                                                       memory_order_relaxed, memory_order_relaxed);
    }
    return atomic_compare_exchange_strong_explicit(&sc->words[i], &expected, desired,
                                                   memory_order_release, memory_order_relaxed);
}

/* Number of code tables attached so far and their bytes, for stats. */
void sigil_code_memory(int64_t *ntables, int64_t *nbytes);

/* Records: allocation (PyMem), and the two ways one ends. A record that
 * was never published is freed at once; a published one is retired after
 * the CAS that unpublished it and freed after a QSBR grace period. */
sigil_record *sigil_record_new(const sigil_record *init);
/* `n` records in one block (a polymorphic record: its head, then its
 * entries), copied from init[0..n-1]; freed and retired as one. */
sigil_record *sigil_record_new_n(const sigil_record *init, int n);
void sigil_record_free_unpublished(sigil_record *rec);
void sigil_record_retire(sigil_record *rec);
/* Live record blocks (published or pending publication), retired ones,
 * and the bytes of the live ones. */
void sigil_record_memory(int64_t *nlive, int64_t *nretired, int64_t *nbytes);

/* A BINARY_OP oparg with its in-place variant folded onto the plain
 * operator (NB_INPLACE_X - NB_INPLACE_ADD == NB_X - NB_ADD). */
static inline int
sigil_nb_base(int oparg)
{
    return oparg >= NB_INPLACE_ADD ? oparg - (NB_INPLACE_ADD - NB_ADD) : oparg;
}

/* The local a STORE_FAST at `unit` stores to, or -1 if `unit` is anything
 * else. CPython's copy of the bytecode is written only by instrumentation
 * (a whole-byte opcode store); an instrumented unit is not a STORE_FAST. */
static inline int
sigil_code_store_fast_target(const _Py_CODEUNIT *unit)
{
    uint8_t op = _Py_atomic_load_uint8_relaxed(&unit->op.code);
    return op == STORE_FAST ? (int)unit->op.arg : -1;
}

#endif /* SIGIL_CODE_H */
