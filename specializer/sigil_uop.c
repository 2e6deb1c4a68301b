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

/* -- Quiet dict lookups ----------------------------------------------------- */

/* Index slot i of `dk`: relaxed, as CPython's lock-free lookups read them
 * (a writer stores a slot only after the entry it names is written, under
 * the dict's lock, and the entry is re-checked below). */
static inline Py_ssize_t
keys_index_at(PyDictKeysObject *dk, size_t i)
{
    uint8_t log2 = dk->dk_log2_size;
    if (log2 < 8) {
        return _Py_atomic_load_int8_relaxed(&((int8_t *)dk->dk_indices)[i]);
    }
    if (log2 < 16) {
        return _Py_atomic_load_int16_relaxed(&((int16_t *)dk->dk_indices)[i]);
    }
    if (log2 >= 32) {
        return (Py_ssize_t)_Py_atomic_load_int64_relaxed(&((int64_t *)dk->dk_indices)[i]);
    }
    return _Py_atomic_load_int32_relaxed(&((int32_t *)dk->dk_indices)[i]);
}

/* The same probe sequence as CPython's (perturbed linear congruence), so
 * the first empty slot met means absent. The sequence is not a walk of the
 * table while `perturb` still has bits: it may revisit slots, and a key
 * (present or absent) can need more probes than the table has slots (an
 * absent key took 9 or 10 in an 8-slot table of 5 keys for about one hash
 * seed in 50, and lost its borrowed read in every such process). Once the
 * shifts have emptied `perturb` (at most PROBE_SHIFTS of them), i -> 5i + 1
 * visits every slot within the table's size, and a table always keeps an
 * empty one: PROBE_SHIFTS + size probes bound every lookup. A key found
 * by equality rather than identity is held by a try-incref while it is
 * compared (its entry may be deleted meanwhile); exact strs compare and
 * die without running code. */
enum { PROBE_SHIFTS = (8 * sizeof(size_t) + 4) / 5 };   /* CPython's PERTURB_SHIFT is 5 */

/* A found entry's value, with a reference (a try-incref: the entry may be
 * emptied meanwhile): 1 if the dict's keys object is still dk, else -1
 * (a resize since the first load moved the entries, the slot read may be
 * a stale one's, so CPython decides; *value is then the caller's to drop). */
static inline int
take_found(PyDictObject *mp, PyDictKeysObject *dk, PyObject **vslot, PyObject **value)
{
    PyObject *v = _Py_TryXGetRef(vslot);
    if (v == NULL) {
        return -1;
    }
    *value = v;
    return _Py_atomic_load_ptr_acquire(&mp->ma_keys) == dk ? 1 : -1;
}

/* CPython's probe sequence over a keys object's index table, bounded as
 * above: probe_step gives each slot's entry index in turn (DKIX_DUMMY: a
 * deleted entry, go on), and DKIX_EMPTY at an empty slot or once the bound
 * is reached; probe_end tells the lookup's answer then: 0 (absent), or -1
 * (the bound: unknown). */
typedef struct {
    PyDictKeysObject *dk;
    size_t mask, perturb, i, left;
} probe_seq;

static inline probe_seq
probe_start(PyDictKeysObject *dk, Py_hash_t hash)
{
    size_t mask = ((size_t)1 << dk->dk_log2_size) - 1;
    return (probe_seq){.dk = dk, .mask = mask, .perturb = (size_t)hash,
                       .i = (size_t)hash & mask, .left = mask + PROBE_SHIFTS + 1};
}

static inline Py_ssize_t
probe_step(probe_seq *p)
{
    if (p->left == 0) {
        return DKIX_EMPTY;
    }
    p->left--;
    Py_ssize_t ix = keys_index_at(p->dk, p->i);
    p->perturb >>= 5;   /* CPython's PERTURB_SHIFT */
    p->i = (p->i * 5 + p->perturb + 1) & p->mask;
    return ix;
}

static inline int
probe_end(const probe_seq *p)
{
    return p->left == 0 ? -1 : 0;
}

int
sigil_dict_lookup_quiet(PyDictObject *mp, PyObject *key, PyObject **value)
{
    if (value != NULL) {
        *value = NULL;
    }
    if (!PyUnicode_CheckExact(key)) {
        return -1;
    }
    Py_hash_t hash = _Py_atomic_load_ssize_relaxed(&((PyASCIIObject *)key)->hash);
    if (hash == -1) {
        /* A str made at run time ("key%03d" % i) has no hash yet. str's
         * hash is a computation over its characters: no Python code, no
         * lock, no safe point, so it may run here (inside a pin window
         * too); CPython caches it with a relaxed store, as any thread's
         * first hash of a str does. Declining instead would send every
         * such lookup of a pinned dict through a counted reference. */
        hash = PyUnicode_Type.tp_hash(key);
        if (hash == -1) {
            PyErr_Clear();   /* cannot happen for a str; CPython decides */
            return -1;
        }
    }
    if (!_Py_IsOwnedByCurrentThread((PyObject *)mp) && !_PyObject_GC_IS_SHARED(mp)) {
        return -1;   /* CPython's lookup marks it shared, under its lock */
    }
    PyDictKeysObject *dk = _Py_atomic_load_ptr_acquire(&mp->ma_keys);
    int general = dk->dk_kind == DICT_KEYS_GENERAL;
    if (!general && dk->dk_kind != DICT_KEYS_UNICODE) {
        return -1;   /* split keys: the values live in the instance's array */
    }
    probe_seq seq = probe_start(dk, hash);
    for (;;) {
        Py_ssize_t ix = probe_step(&seq);
        if (ix == DKIX_EMPTY) {
            return probe_end(&seq);
        }
        if (ix >= 0) {
            /* The two entry layouts: a table of general keys stores each
             * key's hash (a key of another type may share it: only an
             * exact str is compared here); a table of str keys does not. */
            PyObject **kslot, **vslot;
            Py_hash_t khash;
            PyObject *start;
            if (general) {
                PyDictKeyEntry *ep = &DK_ENTRIES(dk)[ix];
                kslot = &ep->me_key;
                vslot = &ep->me_value;
                start = _Py_atomic_load_ptr_relaxed(kslot);
                khash = _Py_atomic_load_ssize_relaxed(&ep->me_hash);
                if (start != key && start != NULL && khash == hash && !PyUnicode_CheckExact(start)) {
                    return -1;   /* its __eq__ may run code */
                }
            }
            else {
                PyDictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(dk)[ix];
                kslot = &ep->me_key;
                vslot = &ep->me_value;
                start = _Py_atomic_load_ptr_relaxed(kslot);
                khash = start == NULL ? -1
                        : _Py_atomic_load_ssize_relaxed(&((PyASCIIObject *)start)->hash);
            }
            int eq = start == key;
            if (!eq && start != NULL && khash == hash) {
                if (_Py_IsImmortal(start)) {
                    eq = _PyUnicode_Equal(start, key);
                }
                else {
                    if (!_Py_TryIncrefCompare(kslot, start)) {
                        return -1;
                    }
                    eq = _PyUnicode_Equal(start, key);
                    Py_DECREF(start);
                }
            }
            if (eq) {
                if (value == NULL) {
                    if (_Py_atomic_load_ptr_relaxed(vslot) == NULL ||
                        _Py_atomic_load_ptr_acquire(&mp->ma_keys) != dk) {
                        return -1;
                    }
                    return 1;
                }
                return take_found(mp, dk, vslot, value);
            }
        }
    }
}

/* -- Virtual keys -----------------------------------------------------------
 * A borrowed span's key was never made; its hash is computed the way 3.13
 * hashes the object it stands for: a compact int hashes to its value (-1,
 * the error marker, to -2), and a tuple mixes its items' hashes through
 * one accumulator with the xxHash primes (Objects/tupleobject.c; the
 * constants are xxHash's 64-bit primes 1, 2 and 5), then adds its length
 * mangled by a constant that keeps hash(()) historical. */
#define XXPRIME_1 ((Py_uhash_t)11400714785074694791ULL)
#define XXPRIME_2 ((Py_uhash_t)14029467366897019727ULL)
#define XXPRIME_5 ((Py_uhash_t)2870177450012600261ULL)
_Static_assert(sizeof(Py_uhash_t) == 8, "the tuple hash below is the 64-bit one");

static inline Py_hash_t
vint_hash(int64_t v)
{
    return v == -1 ? -2 : (Py_hash_t)v;
}

Py_hash_t
sigil_vkey_hash(const sigil_vkey *k)
{
    if (k->n == 0) {
        return vint_hash(k->vals[0]);
    }
    Py_uhash_t acc = XXPRIME_5;
    for (int i = 0; i < k->n; i++) {
        acc += (Py_uhash_t)vint_hash(k->vals[i]) * XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= XXPRIME_1;
    }
    acc += (Py_uhash_t)k->n ^ (XXPRIME_5 ^ 3527539UL);
    return acc == (Py_uhash_t)-1 ? 1546275796 : (Py_hash_t)acc;
}

/* Does `o` equal the compact int v? 1 or 0, or -1 if o is not an exact
 * int (its comparison is its type's to make). */
static inline int
int_equal(PyObject *o, int64_t v)
{
    if (!PyLong_CheckExact(o)) {
        return -1;
    }
    return _PyLong_IsCompact((PyLongObject *)o) && _PyLong_CompactValue((PyLongObject *)o) == v;
}

/* Does `key` (alive, held by the caller) equal the virtual key? 1 or 0, or
 * -1 when telling would take more than comparing exact ints. Tuples of
 * different lengths are unequal without any item compared, and the first
 * unequal item decides, as in tuple comparison. */
static int
vkey_equal(PyObject *key, const sigil_vkey *k)
{
    if (k->n == 0) {
        return int_equal(key, k->vals[0]);
    }
    if (!PyTuple_CheckExact(key)) {
        return -1;
    }
    if (PyTuple_GET_SIZE(key) != k->n) {
        return 0;
    }
    for (int i = 0; i < k->n; i++) {
        int r = int_equal(PyTuple_GET_ITEM(key, i), k->vals[i]);
        if (r != 1) {
            return r;
        }
    }
    return 1;
}

int
sigil_dict_lookup_vkey(PyDictObject *mp, const sigil_vkey *k, PyObject **value, PyObject **held)
{
    *value = NULL;
    *held = NULL;
    if (!_Py_IsOwnedByCurrentThread((PyObject *)mp) && !_PyObject_GC_IS_SHARED(mp)) {
        return -1;   /* CPython's lookup marks it shared, under its lock */
    }
    /* Acquire: pairs with the release store that installs a resized keys
     * object, so its entries read below are the initialized ones. */
    PyDictKeysObject *dk = _Py_atomic_load_ptr_acquire(&mp->ma_keys);
    if (dk->dk_kind != DICT_KEYS_GENERAL) {
        /* Only str keys (split keys are strs too): no int or tuple can be
         * there, but CPython says so (KeyError). */
        return -1;
    }
    Py_hash_t hash = sigil_vkey_hash(k);
    probe_seq seq = probe_start(dk, hash);
    for (;;) {
        Py_ssize_t ix = probe_step(&seq);
        if (ix == DKIX_EMPTY) {
            return probe_end(&seq);
        }
        /* Relaxed reads of the index, hash and key, as CPython's lock-free
         * lookup makes them: a stale or torn view is caught by the
         * try-incref's compare with the slot, and the keys object's
         * identity is checked again once the value is held. */
        PyDictKeyEntry *ep = ix >= 0 ? &DK_ENTRIES(dk)[ix] : NULL;
        if (ep != NULL && _Py_atomic_load_ssize_relaxed(&ep->me_hash) == hash) {
            PyObject *key = _Py_atomic_load_ptr_relaxed(&ep->me_key);
            if (key == NULL) {
                return -1;   /* deleted under us: ask CPython */
            }
            if (!_Py_IsImmortal(key)) {
                if (!_Py_TryIncrefCompare(&ep->me_key, key)) {
                    return -1;
                }
                *held = key;
            }
            /* Only one candidate is compared: another type's key, or an
             * unequal one with the same full hash (rare), is CPython's. */
            if (vkey_equal(key, k) != 1) {
                return -1;
            }
            return take_found(mp, dk, &ep->me_value, value);
        }
    }
}

/* -- Dict subscripts ------------------------------------------------------ */

/* An exact dict looked up by an exact str or compact int key with the
 * probes above, which compare such keys without a call: 1 found (with
 * value non-NULL, *value a new reference; with NULL, membership only, no
 * reference taken for a str key), 0 absent, -1 when they cannot tell
 * (another key type, a key of another type with the same hash, a dict
 * another thread owns and nobody marked shared, a resize meanwhile).
 * Stock 3.13t's _Py_dict_lookup_threadsafe makes the same reads through
 * three calls. */
static int
dict_lookup_common(PyObject *dict, PyObject *key, PyObject **value)
{
    PyObject *v = NULL;
    int r;
    if (PyUnicode_CheckExact(key)) {
        r = sigil_dict_lookup_quiet((PyDictObject *)dict, key, value != NULL ? &v : NULL);
    }
    else if (PyLong_CheckExact(key) && _PyLong_IsCompact((PyLongObject *)key)) {
        /* the vkey probe always takes the value: membership drops it */
        sigil_vkey k = {.n = 0, .vals = {_PyLong_CompactValue((PyLongObject *)key)}};
        PyObject *held;
        r = sigil_dict_lookup_vkey((PyDictObject *)dict, &k, &v, &held);
        if (held != NULL) {
            sigil_decref(held);
        }
    }
    else {
        return -1;
    }
    if ((r != 1 || value == NULL) && v != NULL) {
        sigil_decref(v);
        v = NULL;
    }
    if (value != NULL) {
        *value = v;
    }
    return r;
}

int
sigil_dict_getitem_ref(PyObject *dict, PyObject *key, PyObject **result)
{
    int r = dict_lookup_common(dict, key, result);
    return r >= 0 ? r : PyDict_GetItemRef(dict, key, result);
}

int
sigil_dict_contains(PyObject *dict, PyObject *key)
{
    int r = dict_lookup_common(dict, key, NULL);
    return r >= 0 ? r : PyDict_Contains(dict, key);
}

/* -- Last references ----------------------------------------------------- */

/* The local count of `o` (owned by this thread) has just dropped to zero
 * (sigil_drop). The common case of _Py_MergeZeroLocalRefcount, without
 * its two calls (into it and on to _Py_Dealloc) and their saved
 * registers: no other thread counts a reference (shared count zero,
 * loaded with acquire as CPython loads it, so that another thread's
 * release decrement of its own reference happens before the free) and no
 * reference tracer is registered (_Py_Dealloc would report the
 * destruction to it), so the object is deallocated here. Anything else
 * is CPython's merge, which may free the object too. Out of line: each
 * of the loop's sigil_drop sites calls it, and an inline tp_dealloc call
 * at each would grow the loop. */
void
sigil_drop_last(PyObject *o)
{
#if defined(Py_REF_DEBUG) || defined(Py_TRACE_REFS) || defined(Py_STATS) || defined(Py_DEBUG)
    _Py_MergeZeroLocalRefcount(o);
#else
    if (_Py_atomic_load_ssize_acquire(&o->ob_ref_shared) == 0 &&
        _PyRuntime.ref_tracer.tracer_func == NULL) {
        Py_TYPE(o)->tp_dealloc(o);
        return;
    }
    _Py_MergeZeroLocalRefcount(o);
#endif
}

/* -- Ints ---------------------------------------------------------------- */

void
sigil_ints_flush(sigil_tstate *ts)
{
    while (ts->ints != NULL) {
        PyObject *o = ts->ints;
        ts->ints = (void *)((PyLongObject *)o)->long_value.lv_tag;
        PyObject_Free(o);
    }
    ts->nints = 0;
}
