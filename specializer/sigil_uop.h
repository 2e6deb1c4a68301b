/* sigil_uop.h: the micro-op machine every specialized form runs on.
 *
 * A specialized form (sigil_spec.def) is a fixed sequence of micro-ops
 * (sigil_steps.def) chosen from one table (sigil_uops.def). Each micro-op
 * body is written once, below and in the sigil_uop_<group>.h files, as an
 * always-inline function over a sigil_uop_env; the interpreter expands the
 * step table into one handler per form, and the trace JIT will call the
 * same bodies (compiled to bitcode) with constant operands.
 *
 * Kinds (a step table invariant, checked by tests/unit/test_uops.c):
 *   GUARD   checks; no effect; may MISS. May fill the snapshot. A
 *           selector (the only step of a polymorphic form) is a guard
 *           that picks one of its record's entries and ENTERs it.
 *   LOAD    reads shared internals into env->tmp (a new reference); may
 *           MISS, and a miss after it releases env->tmp (the dispatcher
 *           does, so a LOAD never leaks on a later guard's failure).
 *   MUTATE  changes a shared object under that object's own lock, taken
 *           only if free; revalidates the snapshot under the lock; may MISS
 *           (contention, stale snapshot) but only before any effect.
 *   ACTION  consumes and produces stack values; cannot MISS; may raise
 *           (ERROR) or push a frame (PUSH_FRAME, last step only).
 *   In every form no GUARD/LOAD step follows a MUTATE or ACTION step, and
 *   no MUTATE follows an ACTION: once a form has had an effect it cannot
 *   turn back to the generic instruction.
 *
 * Snapshot: a guard that validates a version records (object, version) in
 * env->snap; the env lives in the executing thread's activation (registers
 * and its own stack), so the snapshot is per-thread by construction and
 * costs no store to shared memory. A MUTATE step compares the live version
 * with the snapshot again after it holds the object's lock: a change made
 * between the guard and the lock is seen there, and a change made after it
 * must take the same lock (CPython's writers of those fields do).
 */
#ifndef SIGIL_UOP_H
#define SIGIL_UOP_H

#include "sigil_code.h"
#include "sigil_consts.h"
#include "sigil_fault.h"
#include "sigil_python.h"
#include "sigil_runtime.h"
#include "sigil_stats.h"


/* -- Declarations ------------------------------------------------------- */

/* Micro-op kinds (see above). ORDER UOPKIND */
typedef enum sigil_uop_kind {
    SIGIL_UOP_GUARD,
    SIGIL_UOP_LOAD,
    SIGIL_UOP_MUTATE,
    SIGIL_UOP_ACTION,
} sigil_uop_kind;

/* What a micro-op's correctness depends on (a bit set): the versions and
 * identities the record pins, checked by this step or an earlier one. */
enum {
    SIGIL_DEP_NONE = 0,
    SIGIL_DEP_TYPE = 1 << 0,     /* a type's tp_version_tag */
    SIGIL_DEP_KEYS = 1 << 1,     /* a dict keys object's dk_version */
    SIGIL_DEP_FUNC = 1 << 2,     /* a function's func_version */
    SIGIL_DEP_ENTRY = 1 << 3,    /* a dict entry or object slot, read at use */
    SIGIL_DEP_IDENTITY = 1 << 4, /* the identity of an object the record holds */
    SIGIL_DEP_OPERAND = 1 << 5,  /* the exact type of a stack operand */
    SIGIL_DEP_WORLD = 1 << 6,    /* the world version (runtime/sigil_world.c) */
};

/* What a micro-op does to shared state. */
typedef enum sigil_uop_fx {
    SIGIL_FX_NONE,  /* touches immutable or thread-owned state only */
    SIGIL_FX_READ,  /* reads shared mutable state, with the atomics its writers pair with */
    SIGIL_FX_WRITE, /* writes a shared object, under its per-object lock */
} sigil_uop_fx;

/* (sigil_uop, the micro-op enum, is in sigil_stats.h with the steps.) */

/* Each micro-op's kind as a constant, for the dispatcher and the table
 * checks. */
enum {
#define SIGIL_UOPDEF(name, kind, deps, fx, stack, doc) SIGIL_UOP_KIND_##name = SIGIL_UOP_##kind,
#include "sigil_uops.def"
#undef SIGIL_UOPDEF
};

/* Steps (sigil_step, one per line of sigil_steps.def) are enumerated in
 * sigil_stats.h, which counts their failures. */

/* Name, kind, form and micro-op of each step; name and description of each
 * micro-op (sigil_uop.c). */
extern const char *const sigil_uop_names[SIGIL_UOP__MAX];
extern const char *const sigil_uop_docs[SIGIL_UOP__MAX];
extern const char *const sigil_uop_stack[SIGIL_UOP__MAX];
extern const unsigned char sigil_uop_kinds[SIGIL_UOP__MAX];
extern const unsigned char sigil_uop_fxs[SIGIL_UOP__MAX];
extern const unsigned short sigil_uop_deps[SIGIL_UOP__MAX];
extern const unsigned short sigil_step_forms[SIGIL_STEP__MAX];  /* a sigil_form */
extern const unsigned short sigil_step_uops[SIGIL_STEP__MAX];   /* a sigil_uop */
/* Each form's family (a form is its stats index, sigil_form). */
extern const unsigned char sigil_form_families[SIGIL_FORM__MAX];
/* The form whose opcode number is op, or -1. */
int sigil_form_of_opcode(int op);
/* The first step of a form, or -1 for a form without steps. */
int sigil_form_first_step(int form);

/* -- The environment a form runs in ------------------------------------- */

/* Per-thread record of what the guards validated (see the file comment). */
typedef struct sigil_snapshot {
    void *obj;          /* the type, keys or function whose version was checked */
    uint32_t version;   /* the version it had */
} sigil_snapshot;

typedef struct sigil_uop_env {
    PyObject **sp;                 /* value stack top: the steps pop and push here */
    _PyInterpreterFrame *frame;
    PyThreadState *tstate;
    sigil_tstate *ts;
    PyCodeObject *co;
    const sigil_record *rec;       /* the word's record (record forms only) */
    sigil_word word;
    int oparg;                     /* the instruction's (for record forms, the record's) */
    _Py_CODEUNIT *pc, *next;       /* this instruction, and where execution continues */
    PyObject *tmp;                 /* a LOAD step's result (new reference) or NULL */
    _PyInterpreterFrame *callee;   /* the frame a PUSH_FRAME action built and linked */
    sigil_code *callee_table;      /* its code's table when the action knew it (a
                                      Python call form's record), else NULL */
    PyCodeObject *code;            /* borrowed: the code a function-version guard read
                                      once, between two checks, for the frame it builds */
    sigil_snapshot snap;
    /* Which of the top two stack values are borrowed from locals (no
     * reference of the stack's own): SIGIL_BORROW_TOS for the owner of a
     * SIGIL_BORROWDEF form or the top operand of a SIGIL_OPERANDDEF form,
     * SIGIL_BORROW_NOS for the one below it (operand forms only). The
     * closing action then must not drop them. A constant in each handler,
     * so the tests fold away. */
    int borrow;
    /* 1 until a step passes a safe point: the one a form the loop counts
     * as pure (form_pure, runtime/sigil_interp.c) may pass is a sampled
     * stop of the world (sigil_module_value_loaded), during which another
     * thread's stop may instrument this frame's code; the form then leaves
     * through the monitoring check. Constant in forms that never clear
     * it, so the test folds away there. */
    int quiet;
} sigil_uop_env;

#define SIGIL_BORROW_TOS 1
#define SIGIL_BORROW_NOS 2

/* What a step returns. ORDER UOPRC */
enum {
    SIGIL_UOP_OK = 0,      /* go on with the next step (or the next instruction) */
    SIGIL_UOP_MISS,        /* a guard failed: run the generic instruction */
    SIGIL_UOP_ERROR,       /* an exception is set; env->sp is the stack to unwind */
    SIGIL_UOP_PUSH_FRAME,  /* run env->callee next, which the action linked under
                              env->frame (directly, or through frames it pushed
                              below it); the return to env->frame resumes at
                              env->next */
    SIGIL_UOP_OK_CHECK,    /* done; check the eval breaker first (calls) */
    SIGIL_UOP_ENTER_ENTRY, /* a polymorphic record's selector chose env->rec, an
                              entry: run that entry's form from its first step */
};

/* Bodies are forced inline into the handlers when optimizing (the env
 * then lives in registers). An unoptimized (debug) build calls them
 * instead: forced inlining at -O0 gives every inlined local of every
 * handler its own slot, and the loop's frame (one per C-level recursion,
 * e.g. a class whose __init__ instantiates it) would double. */
#ifdef __OPTIMIZE__
#define SIGIL_UOP_INLINE static inline __attribute__((always_inline))
#else
#define SIGIL_UOP_INLINE static inline
#endif
#define SIGIL_UOP_BODY(name) SIGIL_UOP_INLINE int uop_##name(sigil_uop_env *e)

#define E_PEEK(n) (e->sp[-(n)])
#define E_TOP() (e->sp[-1])
#define E_NAME(i) PyTuple_GET_ITEM(e->co->co_names, (i))

/* A guard that fails when `cond` is false. Failure is the rare path: said
 * so, or the compiler's static guess (each guard's failure about as likely
 * as its success) makes a form's later steps look cold, and it stops
 * inlining their helpers (Py_DECREF, the stats bumps) in the huge loop. */
#define UOP_CHECK(cond)                      \
    do {                                     \
        if (__builtin_expect(!(cond), 0)) {  \
            return SIGIL_UOP_MISS;           \
        }                                    \
    } while (0)

/* -- Releasing references ------------------------------------------------ */

/* Is a counted stack reference to `o` the only reference there is? Owned
 * by this thread, local count 1 (only the owner writes it, so the owner
 * reads it plainly), shared count 0 (which also says no weak reference
 * was ever made: that sets a flag in the shared count). Another thread can then reach `o` only through a
 * stale pointer read from a container before the reference left it,
 * whose try-increment re-reads the slot, finds it changed and lets go
 * without using the object, or from the collector (gc.get_objects,
 * gc.get_referrers), which stops the world: a caller that passes no safe
 * point between this test and its use of `o` races with neither. The
 * shared count is loaded with acquire: a thread that used `o` and has
 * since dropped its reference did so by a releasing read-modify-write,
 * so its writes to `o` are visible here; a transient increment by a stale
 * reader makes the answer 0, which is always safe. Used where the answer
 * saves a locked instruction or an allocation (the in-place float forms,
 * the generator claim). */
static inline __attribute__((always_inline)) int
sigil_only_reference(PyObject *o)
{
    return _Py_IsOwnedByCurrentThread(o) && o->ob_ref_local == 1 &&
           _Py_atomic_load_ssize_acquire(&o->ob_ref_shared) == 0;
}

/* The last local reference of `o`, owned by this thread, is gone: free it
 * or merge its counts (specializer/sigil_uop.c). */
void sigil_drop_last(PyObject *o);

/* Py_DECREF as 3.13t writes it (immortal: nothing; this thread's own:
 * the local count decremented with a relaxed store, as only the owner
 * writes it and other threads read it only for a racy Py_REFCNT;
 * another thread's: the shared decrement), except that a local count
 * reaching zero goes to sigil_drop_last rather than to
 * _Py_MergeZeroLocalRefcount: one call and about ten instructions fewer
 * per object freed. Used by Sigil's out-of-line steps (the C call forms'
 * drop, the dict lookups). Not in the loop itself: replacing its 180
 * Py_DECREFs moved its code (the same instructions less the merge's, but
 * deltablue 4% and exceptions 3% slower, chaos and generators 3% faster,
 * in alternated runs), while sigil_drop's ending in sigil_drop_last left
 * it byte for byte as it was. Builds that count references keep
 * Py_DECREF. */
static inline void
sigil_decref(PyObject *o)
{
#if defined(Py_REF_DEBUG) || defined(Py_TRACE_REFS) || defined(Py_STATS)
    Py_DECREF(o);
#else
    uint32_t local = _Py_atomic_load_uint32_relaxed(&o->ob_ref_local);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return;
    }
    if (_Py_IsOwnedByCurrentThread(o)) {
        local--;
        _Py_atomic_store_uint32_relaxed(&o->ob_ref_local, local);
        if (local == 0) {
            sigil_drop_last(o);
        }
    }
    else {
        _Py_DecRefShared(o);
    }
#endif
}
#define sigil_decref(o) sigil_decref(_PyObject_CAST(o))

/* -- Shared readers ------------------------------------------------------ */

/* Can this thread read `o`'s keys and entries lock-free, as CPython's own
 * lock-free lookups do? Either the calling thread owns the dict (no one
 * else frees its keys) or the dict is marked shared, in which case CPython
 * frees replaced keys only after a QSBR grace period, and this thread
 * passes no quiescent state inside an instruction. */
static inline int
sigil_uop_lockfree_dict(PyObject *o)
{
    return PyDict_CheckExact(o) && (_Py_IsOwnedByCurrentThread(o) || _PyObject_GC_IS_SHARED(o));
}

/* _Py_TryXGetRef(slot) with its common outcomes inline: the slot's object
 * is immortal (nothing to count) or this thread's own (a local increment;
 * another thread's release of such an object is queued to this thread, so
 * it cannot be freed before this thread's next eval-breaker check, and
 * CPython's own fast path skips the re-read of the slot for it too). An
 * object of another thread takes CPython's shared increment and re-read,
 * out of line. GCC leaves _Py_TryXGetRef itself out of line in the loop
 * (nbody, whose list subscripts called it, ran 2% more instructions), and
 * _Py_TryIncrefFast too, which is why its test is spelled out here. */
PyObject *sigil_uop_try_xget_ref_shared(PyObject **slot, PyObject *v);

static inline __attribute__((always_inline)) PyObject *
sigil_uop_try_xget_ref(PyObject **slot)
{
    PyObject *v = _Py_atomic_load_ptr(slot);
    if (v == NULL) {
        return NULL;
    }
    uint32_t local = _Py_atomic_load_uint32_relaxed(&v->ob_ref_local);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return v;
    }
    if (_Py_IsOwnedByCurrentThread(v)) {
        _Py_atomic_store_uint32_relaxed(&v->ob_ref_local, local + 1);
        return v;
    }
    return sigil_uop_try_xget_ref_shared(slot, v);
}

/* Report a value loaded from a module's dict to the shared-value sampling
 * (sigil_module_value_loaded), clearing *quiet (env.quiet) if the report
 * stopped the world. */
static inline __attribute__((always_inline)) void
sigil_uop_value_loaded(int *quiet, PyObject *v)
{
    if (sigil_module_value_loaded(v)) {
        *quiet = 0;
    }
}

/* A new reference to the value of unicode entry ix of `keys` (loaded from
 * d->ma_keys with acquire), or NULL: the key is not `name` (when given),
 * the value is gone, or `d` replaced its keys meanwhile. Key and value are
 * read with the atomics CPython's writers pair with, the value with a
 * try-incref, and the keys pointer re-checked after, as CPython's own
 * lock-free lookup does (sigil_uop_dict_slot_ref: the same for a value
 * slot of `keys` the caller located). */
static inline PyObject *
sigil_uop_dict_slot_ref(PyDictObject *d, PyDictKeysObject *keys, PyObject **slot)
{
    PyObject *v = _Py_TryXGetRef(slot);
    /* The slot may belong to keys that a resize replaced since they were
     * loaded (they stay readable until a grace period ends, but their
     * slots are no longer the dict's): with the keys still the dict's after
     * the increment, the value was the entry's at that moment. */
    if (v != NULL && _Py_atomic_load_ptr_acquire(&d->ma_keys) != keys) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static inline PyObject *
sigil_uop_dict_entry_ref(PyDictObject *d, PyDictKeysObject *keys, Py_ssize_t ix, PyObject *name)
{
    PyDictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(keys)[ix];
    if (name != NULL && _Py_atomic_load_ptr_acquire(&ep->me_key) != name) {
        return NULL;
    }
    return sigil_uop_dict_slot_ref(d, keys, &ep->me_value);
}

/* A new reference to the value a module dict (globals, builtins, a
 * module's __dict__) holds for `name` at entry ix, or NULL: the keys
 * object is loaded once with acquire, ix checked against its entry count,
 * and the entry read by sigil_uop_dict_entry_ref. No keys version: a live
 * entry holding the name is the name's (a dict holds a key once; a
 * deleted entry loses its value, and a re-inserted name is appended at
 * another index). The value is reported to the shared-value sampling
 * (sigil_module_value_loaded) before it is returned; *quiet is cleared if
 * that stopped the world. */
static inline PyObject *
sigil_uop_module_entry_ref(PyDictObject *d, Py_ssize_t ix, PyObject *name, int *quiet)
{
    PyDictKeysObject *keys = _Py_atomic_load_ptr_acquire(&d->ma_keys);
    if (keys->dk_kind != DICT_KEYS_UNICODE || ix >= _Py_atomic_load_ssize_relaxed(&keys->dk_nentries)) {
        return NULL;
    }
    PyObject *v = sigil_uop_dict_entry_ref(d, keys, ix, name);
    if (v != NULL) {
        sigil_uop_value_loaded(quiet, v);
    }
    return v;
}

/* A lookup of `key` in the exact dict `mp` that passes no safe point: no
 * lock, no Python code, no wait, and no release that could run a
 * finalizer. For an exact str key (hashed and the hash cached if it had
 * none) in a combined table (str keys, or general keys where no key of
 * another type shares its hash) this thread may read lock-free (it owns
 * the dict, or the dict is marked shared, so replaced keys outlive the
 * lookup by a grace period): 1 when found, with a new reference in
 * *value (value non-NULL) or after checking the entry holds one (value
 * NULL: membership); 0 when absent. -1 when it cannot tell so; then
 * *value may hold a reference the caller drops once it no longer relies
 * on passing no safe point (the dropped object may be the last of it).
 * The caller then asks CPython. */
int sigil_dict_lookup_quiet(PyDictObject *mp, PyObject *key, PyObject **value);

/* PyDict_GetItemRef and PyDict_Contains for an exact dict (the same
 * answers and errors), a key that is an exact str or compact int looked up
 * first by the quiet probes (sigil_dict_lookup_quiet, sigil_dict_lookup_
 * vkey), CPython's lookup deciding whatever they cannot tell. Out of
 * line: inlined, they moved the loop's code (+0.3% instructions on
 * workloads that look up no dict). */
int sigil_dict_getitem_ref(PyObject *dict, PyObject *key, PyObject **result);
int sigil_dict_contains(PyObject *dict, PyObject *key);

/* A key that exists only as C integers: what a borrowed span computed
 * (runtime/sigil_interp.c, "Borrowed spans"). n == 0: the int vals[0];
 * n in 1..SIGIL_VKEY_MAX: the tuple of vals[0..n-1]. Every value is in
 * the range of a compact int (one 30-bit digit), the only ints the span
 * makes. */
#define SIGIL_VKEY_MAX 4
typedef struct {
    int n;
    int64_t vals[SIGIL_VKEY_MAX];
} sigil_vkey;

/* Is v the value of a compact int (at most one digit)? */
static inline int
sigil_vkey_compact(int64_t v)
{
    return v > -((int64_t)1 << PyLong_SHIFT) && v < ((int64_t)1 << PyLong_SHIFT);
}

/* hash() of the object `k` stands for, as CPython 3.13 computes it. */
Py_hash_t sigil_vkey_hash(const sigil_vkey *k);

/* sigil_dict_lookup_quiet for a virtual key, with a value (a subscript):
 * the same probes, passing no safe point. An entry whose hash matches is
 * compared only if its key is an exact int or an exact tuple of exact
 * ints; any other key, or a matching hash on an unequal key, makes the
 * answer unknown. A mortal key is held by a try-incref while it is read,
 * and left in *held for the caller to release after it no longer relies
 * on passing no safe point (a tuple's last release frees its items).
 * 1 when found (a new reference in *value), 0 when absent, -1 unknown;
 * on 0 and -1, *value may still hold a reference to drop likewise. */
int sigil_dict_lookup_vkey(PyDictObject *mp, const sigil_vkey *k, PyObject **value,
                           PyObject **held);
/* super(klass, self).name, as _PySuper_Lookup finds it (method mode when
 * `method` is not NULL: an unbound method descriptor, *method set), with
 * the MRO taken without CPython's interpreter-wide type lock when it can
 * be (sigil_spec.c); a new reference, or NULL with an exception. */
PyObject *sigil_super_lookup(sigil_tstate *ts, PyTypeObject *klass, PyObject *self,
                             PyObject *name, int *method);

/* Does a LOAD_GLOBAL_PINNED (or LOAD_GLOBAL_BUILTIN) record still hold for
 * a frame with these globals? The globals are the recorded dict (compared
 * by address; its death bumps the version) and the world version is the
 * recorded one. Relaxed: see sigil_world.c for both users' orderings. */
static inline int
sigil_uop_world_holds(sigil_tstate *ts, PyObject *globals, const sigil_record *rec)
{
    uint64_t want = ((uint64_t)rec->version2 << 32) | rec->version;
    return globals == rec->key &&
           atomic_load_explicit(&ts->rt->world_version, memory_order_relaxed) == want;
}

/* -- Ints --------------------------------------------------------------------
 * CPython 3.13 keeps no free list of ints: every int a loop counter, an
 * index or a sum makes beyond the small ones is a mimalloc allocation and
 * a free, about 140 machine instructions per round trip (bench/README.md,
 * `empty`). Sigil keeps its own, per thread (sigil_tstate.ints, only
 * ever touched by its own thread: the `ts` these functions take is the
 * caller's, sigil_drop reads its own from thread-local storage): a dead
 * exact compact int that Sigil's own code drops (sigil_drop) is linked
 * into it, and the ints Sigil's forms make (sigil_int_new: arithmetic,
 * range iteration) are taken from it. What makes a block reusable is what sigil_drop checks for floats:
 * owned by this thread, its last local reference, a shared count of zero
 * (loaded with acquire). Such an object is dead; another thread holding a
 * stale pointer to it can only try to increment its count, which fails on
 * a zero shared count, so it never reads the value (the same argument as
 * CPython's own per-thread float free list). The list keeps ob_type
 * pointing at int and links through lv_tag. Any exact int's block holds
 * at least one digit (_PyLong_New allocates one for size 0), so every
 * compact int fits in any block on the list. Builds that count references
 * or objects, and a registered reference tracer, keep CPython's paths. */
#define SIGIL_INT_FREE_MAX 100
#if defined(WITH_FREELISTS) && !defined(Py_REF_DEBUG) && !defined(Py_TRACE_REFS) && !defined(Py_STATS)
#define SIGIL_INT_FREELIST 1
#else
#define SIGIL_INT_FREELIST 0
#endif

/* The header of a block taken from a free list, as _PyObject_Init and
 * _Py_NewReference set a new object's (the type is the caller's): this
 * thread the owner, one local reference, no shared ones, no GC bits.
 * Relaxed atomic stores, where CPython's new_reference stores plainly
 * (and its TSan suppressions list it): another thread may still hold a
 * pointer to the block from before the old object died (read from a list
 * slot since overwritten) and be trying to count a reference to it, which
 * reads the owner and the counts with relaxed atomics. That try fails
 * either way (a zero shared count on an object it does not own), so any
 * value it reads is harmless; atomic stores make the overlap
 * well-defined. The value fields are written plainly after this: such a
 * reader reads them only once its count is taken and it has seen the
 * block stored again in its slot (acquire), after this thread's release
 * store there. */
static inline __attribute__((always_inline)) void
sigil_reused_header_init(PyObject *o)
{
    _Py_atomic_store_uintptr_relaxed(&o->ob_tid, _Py_ThreadId());
    _Py_atomic_store_uint16_relaxed(&o->_padding, 0);
    _Py_atomic_store_uint8_relaxed(&o->ob_mutex._bits, 0);
    _Py_atomic_store_uint8_relaxed(&o->ob_gc_bits, 0);
    _Py_atomic_store_uint32_relaxed(&o->ob_ref_local, 1);
    _Py_atomic_store_ssize_relaxed(&o->ob_ref_shared, 0);
}

/* Put the dead compact int `o` on the list of `ts` (this thread's); 0 if
 * it is full (the caller then frees it as usual). */
static inline __attribute__((always_inline)) int
sigil_int_free_push(sigil_tstate *ts, PyObject *o)
{
    if (ts->nints >= SIGIL_INT_FREE_MAX) {
        return 0;
    }
    ((PyLongObject *)o)->long_value.lv_tag = (uintptr_t)ts->ints;
    ts->ints = o;
    ts->nints++;
    return 1;
}

/* A new int of value v, as PyLong_FromLongLong makes it: the shared small
 * int for -5..256, a compact int from the thread's list when it has one,
 * else CPython's allocation. The header is set as _PyObject_Init and
 * _Py_NewReference set it (owner, one local reference, no shared ones;
 * ob_type already int). */
static inline __attribute__((always_inline)) PyObject *
sigil_int_new(sigil_tstate *ts, int64_t v)
{
    /* A small int is CPython's static immortal one, returned without a
     * count as its own get_small_int does; inline, because loops over
     * small lists make most of their ints here (fannkuch: 3 million
     * out-of-line PyLong_FromLongLong calls of ~20 instructions per unit).
     * The offset is added in unsigned arithmetic: v may be as large as
     * BINARY_OP_INT64 makes it (just below 2**63), and a signed overflow
     * let GCC fold the test wrongly (2**63 - 4 came out as a small int). */
    if ((uint64_t)v + (uint64_t)_PY_NSMALLNEGINTS < (uint64_t)(_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS)) {
        return (PyObject *)&_PyLong_SMALL_INTS[_PY_NSMALLNEGINTS + v];
    }
#if SIGIL_INT_FREELIST
    /* The list first: when it is empty (the ints die where Sigil does not
     * drop them) this costs a load and a test before CPython's path. */
    PyObject *o = ts->ints;
    if (o != NULL) {
        uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        if (mag < PyLong_BASE && _PyRuntime.ref_tracer.tracer_func == NULL) {
            ts->ints = (void *)((PyLongObject *)o)->long_value.lv_tag;
            ts->nints--;
            sigil_reused_header_init(o);
            _PyLong_SetSignAndDigitCount((PyLongObject *)o, v < 0 ? -1 : 1, 1);
            ((PyLongObject *)o)->long_value.ob_digit[0] = (digit)mag;
            if (sigil_counting()) {
                sigil_stat_bump(ts, SIGIL_STAT_ints_reused);
            }
            return o;
        }
    }
#else
    (void)ts;
#endif
    return PyLong_FromLongLong(v);
}

/* -- Dropping references ---------------------------------------------------- */

/* Free the dead exact float `o` (no reference left, counted or not) as
 * _PyFloat_ExactDealloc does, its common case inline: onto this thread's
 * float free list while that has room (the list is the thread's own in
 * 3.13t, so no other thread reads or writes it; a negative count marks
 * a list already finalized at thread exit). The call it replaces cost a
 * call, a thread-state load of its own and the caller's saved registers
 * per float that dies in a form (nbody: 5.5 M per unit). */
static inline __attribute__((always_inline)) void
sigil_float_free(PyObject *o)
{
#if defined(WITH_FREELISTS) && !defined(Py_REF_DEBUG) && !defined(Py_TRACE_REFS) && !defined(Py_STATS)
    struct _Py_float_freelist *fl = &_Py_object_freelists_GET()->floats;
    int n = fl->numfree;
    if (n >= 0 && n < PyFloat_MAXFREELIST) {
        fl->numfree = n + 1;
        Py_SET_TYPE(o, (PyTypeObject *)fl->items);
        fl->items = (PyFloatObject *)o;
        return;
    }
#endif
    _PyFloat_ExactDealloc(o);
}

/* Py_DECREF(o), returning 1 when it certainly ran no code (so the caller
 * may skip the eval-breaker check: NEXT_PURE), else 0. One load of the
 * local count serves every case:
 * - immortal: nothing to do;
 * - owned with more than one local reference: Py_DECREF's own store (only
 *   the owning thread writes ob_ref_local, relaxed as CPython does; other
 *   threads read it only for a racy Py_REFCNT);
 * - an exact float whose last reference this is: freed straight onto the
 *   thread's free list (sigil_float_free), as the GIL build's
 *   specialized instructions free floats (_Py_DECREF_SPECIALIZED), where
 *   Py_DECREF would go through _Py_MergeZeroLocalRefcount, _Py_Dealloc and
 *   float_dealloc. "Last": owned, local count 1, and a shared count of
 *   zero loaded with acquire as _Py_MergeZeroLocalRefcount loads it, so
 *   that another thread's release decrement of its own reference happens
 *   before the free; a zero shared count cannot grow meanwhile, as nobody
 *   else holds a counted reference. A registered reference tracer (which
 *   _Py_Dealloc calls) takes the generic path;
 * - a dead exact compact int: onto Sigil's int free list (Ints, above);
 * - anything else: the rest of Py_DECREF (the zero-count merge, which may
 *   free the object and run its finalizer: sigil_drop_last, or the shared
 *   decrement).
 * Builds that count references or objects keep Py_DECREF's bookkeeping
 * and have no float path. */
static inline __attribute__((always_inline)) int
sigil_drop(PyObject *o)
{
    uint32_t local = _Py_atomic_load_uint32_relaxed(&o->ob_ref_local);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return 1;
    }
#if defined(Py_REF_DEBUG) || defined(Py_TRACE_REFS) || defined(Py_STATS)
    int survives = local > 1 && _Py_IsOwnedByCurrentThread(o);
    Py_DECREF(o);
    return survives;
#else
    if (!_Py_IsOwnedByCurrentThread(o)) {
        _Py_DecRefShared(o);
        return 0;
    }
    if (local > 1) {
        _Py_atomic_store_uint32_relaxed(&o->ob_ref_local, local - 1);
        return 1;
    }
    _Py_atomic_store_uint32_relaxed(&o->ob_ref_local, 0);
    /* the type loaded once: the acquire load below would make the
     * compiler load it again for a second test */
    PyTypeObject *tp = Py_TYPE(o);
    if ((tp == &PyFloat_Type || (SIGIL_INT_FREELIST && tp == &PyLong_Type)) &&
        _Py_atomic_load_ssize_acquire(&o->ob_ref_shared) == 0 &&
        _PyRuntime.ref_tracer.tracer_func == NULL) {
        if (tp == &PyFloat_Type) {
            sigil_float_free(o);
            return 1;
        }
        /* the thread's state from thread-local storage, not a parameter:
         * only this path needs it, and passing it to every drop in the
         * loop made GCC lay out the dispatch worse (callgrind: 5-25 more
         * instructions per iteration) */
        sigil_tstate *ts = sigil_tls_state;
        if (ts != NULL && _PyLong_IsCompact((PyLongObject *)o) && sigil_int_free_push(ts, o)) {
            return 1;
        }
    }
    sigil_drop_last(o);
    return 0;
#endif
}

/* A new float of value `d`, as PyFloat_FromDouble makes it, taken inline
 * from this thread's float free list when it has one (3.13t keeps the
 * free lists per thread, so no other thread touches it): the header is
 * set as _PyObject_Init and _Py_NewReference set it (type, owner, one
 * local reference, no shared ones). PyFloat_FromDouble itself when the
 * list is empty, in builds that count references or objects, and while a
 * reference tracer is registered (it must see the creation). */
static inline __attribute__((always_inline)) PyObject *
sigil_float_new(double d)
{
#if defined(WITH_FREELISTS) && !defined(Py_REF_DEBUG) && !defined(Py_TRACE_REFS) && !defined(Py_STATS)
    struct _Py_float_freelist *fl = &_Py_object_freelists_GET()->floats;
    PyFloatObject *op = fl->items;
    if (op != NULL && _PyRuntime.ref_tracer.tracer_func == NULL) {
        fl->items = (PyFloatObject *)Py_TYPE((PyObject *)op);
        fl->numfree--;
        PyObject *o = (PyObject *)op;
        Py_SET_TYPE(o, &PyFloat_Type);   /* immortal: no reference to take */
        sigil_reused_header_init(o);
        op->ob_fval = d;
        return o;
    }
#endif
    return PyFloat_FromDouble(d);
}

/* -- Shared step parts ---------------------------------------------------- */

/* Release a reference a form consumed (sigil_drop: a dead int or float to
 * its free list). A release that may have run code (the last reference of
 * an object with a finalizer, or another thread's object) clears
 * env.quiet, so that a form counted pure leaves through the monitoring
 * check (see dispatch_pure, runtime/sigil_interp.c). */
static inline __attribute__((always_inline)) void
sigil_uop_release(sigil_uop_env *e, PyObject *o)
{
    if (!sigil_drop(o)) {
        e->quiet = 0;
    }
}

/* Release the top two values, a binary form's operands, except those
 * borrowed from locals (env->borrow), the lower one first. sigil_drop: a
 * dead index or operand that is an int or a float goes to its free list.
 * The first release may run code (a list's last reference); nothing reads
 * either operand after it. */
static inline __attribute__((always_inline)) void
sigil_uop_drop_operands(sigil_uop_env *e)
{
    if (!(e->borrow & SIGIL_BORROW_NOS)) {
        (void)sigil_drop(E_PEEK(2));
    }
    if (!(e->borrow & SIGIL_BORROW_TOS)) {
        (void)sigil_drop(E_PEEK(1));
    }
}

/* Replace the two top values by `r` (a new reference), or raise if it is
 * NULL (sigil_uop_drop_operands either way). */
static inline __attribute__((always_inline)) int
sigil_uop_replace2(sigil_uop_env *e, PyObject *r)
{
    sigil_uop_drop_operands(e);
    e->sp -= 2;
    if (r == NULL) {
        return SIGIL_UOP_ERROR;
    }
    *e->sp++ = r;
    return SIGIL_UOP_OK;
}

/* A polymorphic record's selection (SELECT_*_ENTRY): enter the entry of
 * e->rec whose version is v (entries hold distinct non-zero versions, so
 * at most one matches), or miss. The head's copy of the versions is
 * compared at once (sigil_record_poly_match): the lowest matching
 * slot is the entry, the slots past the last entry repeating slot 0
 * (sigil_record_poly_fill). A type or function without a version reads 0,
 * which no slot holds. The copy is immutable as the whole block is. */
static inline __attribute__((always_inline)) int
sigil_uop_select_entry(sigil_uop_env *e, uint32_t v)
{
    const sigil_record *head = e->rec;
    assert(sigil_record_poly_filled(head));
    unsigned hits = sigil_record_poly_match(head->poly_versions, v);
    if (hits == 0) {
        return SIGIL_UOP_MISS;
    }
    e->rec = sigil_record_entry(head, __builtin_ctz(hits));
    return SIGIL_UOP_ENTER_ENTRY;
}

/* `tp` has the record's version: the snapshot keeps (tp, version). */
static inline __attribute__((always_inline)) int
sigil_uop_type_version(sigil_uop_env *e, PyTypeObject *tp)
{
    uint32_t v = _Py_atomic_load_uint_relaxed(&tp->tp_version_tag);
    UOP_CHECK(v == e->rec->version);
    e->snap.obj = tp;
    e->snap.version = v;
    return SIGIL_UOP_OK;
}

/* A frame of e->code (read by GUARD_GETTER_VERSION, room checked by
 * GUARD_GETTER_STACK_SPACE) for the record's function, whose `nargs`
 * arguments are the top stack values: the stack's references move to the
 * frame. The function is cached borrowed (deferred-RC); the frame takes
 * its own reference before this thread can pass a quiescent state. */
static inline __attribute__((always_inline)) int
sigil_uop_push_record_frame(sigil_uop_env *e, int nargs)
{
    PyCodeObject *code = e->code;
    _PyInterpreterFrame *nf = (_PyInterpreterFrame *)e->tstate->datastack_top;
    e->tstate->datastack_top += code->co_framesize;
    _PyFrame_Initialize(nf, (PyFunctionObject *)Py_NewRef(e->rec->obj), NULL, code, nargs);
    e->sp -= nargs;
    for (int i = 0; i < nargs; i++) {
        nf->localsplus[i] = e->sp[i];
    }
    nf->previous = e->frame;
    e->callee = nf;
    return SIGIL_UOP_PUSH_FRAME;
}

/* Micro-op bodies, by family group. */
#include "sigil_uop_arith.h"
#include "sigil_uop_global.h"
#include "sigil_uop_attr.h"
#include "sigil_uop_call.h"
#include "sigil_uop_container.h"

#endif /* SIGIL_UOP_H */
