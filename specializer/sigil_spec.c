/* sigil_spec.c: specialization decisions, publication and deoptimization
 * for the exact-type families (see sigil_spec.h for why these need no cache
 * records, and docs/specializer.md for the full protocol). */
#include "sigil_world.h"
#include "sigil_spec.h"
#include "sigil_consts.h"
#include "sigil_uop.h"

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

/* -- The specialization lock (SiJiL) ------------------------------------ */

void
sigil_sijil_lock(sigil_runtime *rt, sigil_tstate *ts)
{
    sigil_stat_bump(ts, SIGIL_STAT_sijil_acquisitions);
    if (!PyMutex_LockFast(&rt->sijil._bits)) {
        sigil_stat_bump(ts, SIGIL_STAT_sijil_contended);
        PyMutex_Lock(&rt->sijil);
    }
}

void
sigil_sijil_unlock(sigil_runtime *rt)
{
    PyMutex_Unlock(&rt->sijil);
}

int
sigil_sijil_is_held(sigil_runtime *rt)
{
    return PyMutex_IsLocked(&rt->sijil);
}

/* -- Type versions ------------------------------------------------------ */

/* CPython 3.13 gives a class at most MAX_VERSIONS_PER_CLASS versions
 * (typeobject.c, not exported): each change of the class or of a base
 * zeroes its version, the next lookup assigns a new one from the
 * interpreter's 32-bit counter, and after the thousandth the class stays
 * unversioned for good, so that a program that changes a class in a loop
 * cannot use up the counter for everyone. An unversioned class cannot be
 * specialized, and on 3.13t its every attribute lookup misses the type
 * cache and walks the MRO under the interpreter-wide type lock: with two
 * threads reading a class that either of them changes now and then
 * (shared_class_write), half the samples were the threads waiting for
 * that lock.
 *
 * Sigil grants such a class VERSION_GRANT more versions when a
 * specialization finds it out of them, from a process-wide budget of
 * VERSION_BUDGET (1/256 of the counter's range), so the counter's
 * protection holds: a class changed in a tight loop uses up at most the
 * budget, then stays unversioned as on CPython. The grant lowers the
 * class's used count under the type lock, where CPython reads and raises
 * it (atomic store: 3.13t raises it with an atomic add). Classes marked
 * never to be versioned (used count _Py_ATTR_CACHE_UNUSED: a custom mro(),
 * a base that is not a real base) are left alone. */
#define CPY_MAX_VERSIONS_PER_CLASS 1000
#define VERSION_GRANT 256
#define VERSION_BUDGET (1u << 24)

/* Versions granted so far; read and written under the type lock only
 * (the main interpreter's: Sigil specializes in no other). */
static uint32_t versions_granted;

/* Grant more versions to `tp` and to the classes on its MRO that are out
 * of them. Returns how many classes got a grant. */
static int
grant_versions(PyTypeObject *tp)
{
    int granted = 0;
    PyInterpreterState *interp = _PyInterpreterState_GET();
    Py_BEGIN_CRITICAL_SECTION_MUT(&interp->types.mutex);
    /* Under the type lock the MRO tuple is not replaced. */
    PyObject *mro = tp->tp_mro;
    Py_ssize_t n = mro != NULL ? PyTuple_GET_SIZE(mro) : 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *c = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        uint16_t used = c->tp_versions_used;
        if (!(c->tp_flags & Py_TPFLAGS_HEAPTYPE) || c->tp_version_tag != 0 ||
            used < CPY_MAX_VERSIONS_PER_CLASS || used >= _Py_ATTR_CACHE_UNUSED ||
            versions_granted > VERSION_BUDGET - VERSION_GRANT) {
            continue;
        }
        _Py_atomic_store_uint16(&c->tp_versions_used, CPY_MAX_VERSIONS_PER_CLASS - VERSION_GRANT);
        versions_granted += VERSION_GRANT;
        granted++;
    }
    Py_END_CRITICAL_SECTION();
    return granted;
}

int
sigil_type_version(PyTypeObject *tp)
{
    /* A class that has a version needs nothing: PyUnstable_Type_AssignVersionTag
     * would take the interpreter-wide type lock to find that out, on every
     * specialization (2 threads respecializing the sites of a class they
     * keep changing waited for it). Relaxed: the callers re-read the
     * version after their lookup and compare, which is what makes the
     * version they record that lookup's. */
    if (_Py_atomic_load_uint_relaxed(&tp->tp_version_tag) != 0) {
        return 1;
    }
    if (PyUnstable_Type_AssignVersionTag(tp)) {
        return 1;
    }
    int granted = grant_versions(tp);
    if (granted == 0) {
        return 0;
    }
    sigil_counter_add(sigil_tstate_get(), SIGIL_CTR_STAT(SIGIL_STAT_type_version_grants), (uint64_t)granted);
    return PyUnstable_Type_AssignVersionTag(tp);
}

/* -- Choosing a form ------------------------------------------------------ */

int
sigil_spec_binary_op(int oparg, PyObject *lhs, PyObject *rhs, const _Py_CODEUNIT *next,
                     PyObject *const *locals, int unstable)
{
    /* A site that has deoptimized since it was last published saw its
     * operands change kind: + - * on numbers take the form for both. */
    if (unstable && sigil_numeric_applies(oparg, lhs, rhs)) {
        return BINARY_OP_NUMERIC;
    }
    int add = oparg == NB_ADD || oparg == NB_INPLACE_ADD;
    int sub = oparg == NB_SUBTRACT || oparg == NB_INPLACE_SUBTRACT;
    int mul = oparg == NB_MULTIPLY || oparg == NB_INPLACE_MULTIPLY;
    int op_fail = sigil_spec_fail(SIGIL_SF_operator);
    if (PyFloat_CheckExact(lhs) && PyFloat_CheckExact(rhs) && (add || sub || mul)) {
        return add ? BINARY_OP_ADD_FLOAT : sub ? BINARY_OP_SUBTRACT_FLOAT : BINARY_OP_MULTIPLY_FLOAT;
    }
    if (sigil_float_arith_applies(oparg, lhs, rhs)) {
        return BINARY_OP_FLOAT_ARITH;
    }
    if (Py_TYPE(lhs) != Py_TYPE(rhs)) {
        return sigil_spec_fail(SIGIL_SF_operand_types);
    }
    if (PyLong_CheckExact(lhs)) {
        int op = sigil_nb_base(oparg);
        if (add || sub || mul) {
            return add ? BINARY_OP_ADD_INT : sub ? BINARY_OP_SUBTRACT_INT : BINARY_OP_MULTIPLY_INT;
        }
        if (op == NB_REMAINDER || op == NB_FLOOR_DIVIDE || op == NB_AND || op == NB_OR ||
            op == NB_XOR || op == NB_RSHIFT || op == NB_LSHIFT) {
            int64_t a, b;
            if (!sigil_int62(lhs, &a) || !sigil_int62(rhs, &b)) {
                return sigil_spec_fail(SIGIL_SF_big_int);
            }
            /* Operands the form would send generic at once (`1 // 0` in a
             * try block, over and over): not specialized, so the failure
             * backs off instead of a deopt every eight executions. */
            return sigil_int64_operands_fit(op, a, b) ? BINARY_OP_INT64
                                                      : sigil_spec_fail(SIGIL_SF_operands_fit);
        }
        return op_fail;
    }
    if (PyFloat_CheckExact(lhs)) {
        return op_fail;   /* %, // and the rest: no float form */
    }
    if (PyUnicode_CheckExact(lhs)) {
        if (!add) {
            return op_fail;
        }
        /* `s = s + t` / `s += t` storing back to the left operand's local */
        int local = sigil_code_store_fast_target(next);
        return (local >= 0 && locals[local] == lhs) ? BINARY_OP_INPLACE_ADD_UNICODE
                                                   : BINARY_OP_ADD_UNICODE;
    }
    return sigil_spec_fail(SIGIL_SF_operand_kind);
}

int
sigil_spec_load_super_attr(int oparg, PyObject *global_super, PyObject *klass)
{
    if (global_super != (PyObject *)&PySuper_Type) {
        return sigil_spec_fail(SIGIL_SF_not_builtin_super);
    }
    if (!PyType_Check(klass)) {
        return sigil_spec_fail(SIGIL_SF_class_not_type);
    }
    return (oparg & 1) ? LOAD_SUPER_ATTR_METHOD : LOAD_SUPER_ATTR_ATTR;
}

int
sigil_spec_send(PyObject *receiver)
{
    PyTypeObject *tp = Py_TYPE(receiver);
    return (tp == &PyGen_Type || tp == &PyCoro_Type) ? SEND_GEN : sigil_spec_fail(SIGIL_SF_receiver_kind);
}

int
sigil_spec_compare_op(int oparg, PyObject *lhs, PyObject *rhs, int unstable)
{
    (void)oparg;   /* every form covers all six operators */
    if ((unstable || Py_TYPE(lhs) != Py_TYPE(rhs)) && uop_float_operand(lhs) &&
        uop_float_operand(rhs)) {
        return COMPARE_OP_NUMERIC;
    }
    if (Py_TYPE(lhs) != Py_TYPE(rhs)) {
        return sigil_spec_fail(SIGIL_SF_operand_types);
    }
    if (PyLong_CheckExact(lhs)) {
        return (_PyLong_IsCompact((PyLongObject *)lhs) && _PyLong_IsCompact((PyLongObject *)rhs))
                   ? COMPARE_OP_INT : sigil_spec_fail(SIGIL_SF_big_int);
    }
    if (PyFloat_CheckExact(lhs)) {
        return COMPARE_OP_FLOAT;
    }
    if (PyUnicode_CheckExact(lhs)) {
        return COMPARE_OP_STR;
    }
    return sigil_spec_fail(SIGIL_SF_operand_kind);
}

int
sigil_spec_to_bool(PyObject *value)
{
    if (PyBool_Check(value)) {
        return TO_BOOL_BOOL;
    }
    if (PyLong_CheckExact(value)) {
        return TO_BOOL_INT;
    }
    if (Py_IsNone(value)) {
        return TO_BOOL_NONE;
    }
    if (PyUnicode_CheckExact(value)) {
        return TO_BOOL_STR;
    }
    if (PyList_CheckExact(value)) {
        return TO_BOOL_LIST;
    }
    return SIGIL_SPEC_NA;   /* sigil_spec_to_bool_always_true says why */
}

int
sigil_spec_to_bool_always_true(PyObject *value, sigil_record *rec)
{
    /* A type without __bool__ and __len__ (no nb_bool, mp_length or
     * sq_length slot): every instance is true. Version, slots, version:
     * a class change zeroes the version before it updates the dict and
     * the slots, so equal non-zero versions around the slot reads mean
     * the slots read are that version's. */
    PyTypeObject *tp = Py_TYPE(value);
    if (!sigil_type_version(tp)) {
        return sigil_spec_fail(SIGIL_SF_type_version);
    }
    unsigned int v = _Py_atomic_load_uint_relaxed(&tp->tp_version_tag);
    int has_len = (tp->tp_as_number != NULL && tp->tp_as_number->nb_bool != NULL) ||
                  (tp->tp_as_mapping != NULL && tp->tp_as_mapping->mp_length != NULL) ||
                  (tp->tp_as_sequence != NULL && tp->tp_as_sequence->sq_length != NULL);
    if (has_len) {
        return sigil_spec_fail(SIGIL_SF_has_bool_or_len);
    }
    if (v == 0 || _Py_atomic_load_uint_relaxed(&tp->tp_version_tag) != v) {
        return sigil_spec_fail(SIGIL_SF_type_version);
    }
    rec->version = v;
    return TO_BOOL_ALWAYS_TRUE;
}

int
sigil_spec_to_bool_mixed(PyObject *value, sigil_record *rec)
{
    if (sigil_truth_builtin_kind(Py_TYPE(value))) {
        rec->version = 0;   /* no class: the builtin kinds only */
        return TO_BOOL_MIXED;
    }
    int form = sigil_spec_to_bool_always_true(value, rec);
    return form == TO_BOOL_ALWAYS_TRUE ? TO_BOOL_MIXED : form;
}

/* Objects a record may cache borrowed: never freed (immortal), or freed
 * only by a stop-the-world GC (deferred reference counting). */
static int
cacheable(PyObject *o)
{
    return _Py_IsImmortal(o) || _PyObject_HasDeferredRefcount(o);
}

/* A class attribute that LOAD_ATTR returns as it is: no descriptor, of an
 * immutable type (nobody can give it a __get__ later), and cacheable. */
static int
plain_class_value(PyObject *descr)
{
    PyTypeObject *dt = Py_TYPE(descr);
    return (dt->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) && dt->tp_descr_get == NULL &&
           dt->tp_descr_set == NULL && cacheable(descr);
}

/* A method: a descriptor of an immutable type flagged as a method
 * descriptor (Python functions, method descriptors of builtin types),
 * which LOAD_ATTR's method form may push unbound, with self. */
static int
method_class_value(PyObject *descr)
{
    PyTypeObject *dt = Py_TYPE(descr);
    return (dt->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) && (dt->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) &&
           cacheable(descr);
}

/* A Python function's version and the code it names, or NULL if it has
 * none. The version is read first, then the code: a __code__ (or
 * __defaults__ ...) store zeroes the version before it replaces the code,
 * so a code whose co_version equals the version read is that version's. */
static PyCodeObject *
versioned_code(PyFunctionObject *func, uint32_t *version)
{
    uint32_t fv = _Py_atomic_load_uint32_relaxed(&func->func_version);
    PyCodeObject *code = _Py_atomic_load_ptr_relaxed(&func->func_code);
    if (fv == 0 || code->co_version != fv) {
        return NULL;
    }
    *version = fv;
    return code;
}

/* Can `f` run as a plain frame with `nargs` positional arguments (no
 * defaults used, no star parameters, no keyword-only parameters)? Reads the
 * code once; the caller records the version read before it. 0 if so, else
 * the failure (sigil_spec_fail). */
static int
simple_function(PyObject *f, int nargs, uint32_t *version)
{
    if (Py_TYPE(f) != &PyFunction_Type) {
        return sigil_spec_fail(SIGIL_SF_descriptor);
    }
    if (!cacheable(f)) {
        return sigil_spec_fail(SIGIL_SF_not_cacheable);
    }
    uint32_t fv;
    PyCodeObject *code = versioned_code((PyFunctionObject *)f, &fv);
    if (code == NULL) {
        return sigil_spec_fail(SIGIL_SF_func_version);
    }
    int flags = code->co_flags;
    if (!(flags & CO_OPTIMIZED) || (flags & (CO_VARARGS | CO_VARKEYWORDS)) ||
        code->co_kwonlyargcount != 0) {
        return sigil_spec_fail(SIGIL_SF_code_flags);
    }
    if (code->co_argcount != nargs) {
        return sigil_spec_fail(SIGIL_SF_argument_count);
    }
    *version = fv;
    return 0;
}

/* Data descriptors that win over any instance attribute: an object slot
 * (LOAD_ATTR_SLOT: its offset in rec->index) or a property whose getter is
 * a simple one-argument function (LOAD_ATTR_PROPERTY: getter in rec->obj,
 * its version in rec->version2). The caller sets the type version. */
static int
spec_data_descr(PyTypeObject *tp, PyObject *owner, PyObject *descr, sigil_record *rec)
{
    if (Py_TYPE(descr) == &PyMemberDescr_Type) {
        PyMemberDescrObject *m = (PyMemberDescrObject *)descr;
        PyMemberDef *d = m->d_member;
        if (d->type != Py_T_OBJECT_EX || (d->flags & Py_AUDIT_READ) || d->offset <= 0 ||
            d->offset > 0xffff || !PyObject_TypeCheck(owner, PyDescr_TYPE(m))) {
            return sigil_spec_fail(SIGIL_SF_descriptor);
        }
        rec->index = (uint16_t)d->offset;
        return LOAD_ATTR_SLOT;
    }
    if (Py_TYPE(descr) == &PyProperty_Type) {
        PyObject *fget = ((_PyPropertyObject *)descr)->prop_get;
        uint32_t fv;
        if (fget == NULL) {
            return sigil_spec_fail(SIGIL_SF_descriptor);
        }
        int r = simple_function(fget, 1, &fv);
        if (r < 0) {
            return r;
        }
        rec->version2 = fv;
        rec->obj = fget;
        return LOAD_ATTR_PROPERTY;
    }
    (void)tp;
    return sigil_spec_fail(SIGIL_SF_descriptor);
}

/* An acquire fence: loads before it are ordered before loads after it.
 * GCC's ThreadSanitizer does not model fences and warns at one (-Wtsan,
 * an error here); the loads it orders are atomic, so TSan has no race to
 * report on them either way. */
static inline void
acquire_fence(void)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wtsan"
    atomic_thread_fence(memory_order_acquire);
#pragma GCC diagnostic pop
}

/* A try-incref from another thread than the owner succeeds only on an
 * object whose shared count is not zero, or that is marked as one that
 * may be reached without a reference (CPython's "maybe weakref" flag,
 * which makes the owner's last release merge the counts, so that the
 * release and a try-incref are ordered by one compare-and-swap). CPython
 * marks what it stores in shared lists and dicts, not a class's MRO
 * tuple: mark it here, under the type lock (the MRO is not replaced
 * while it is held, and the class holds the tuple). */
static void
mark_mro_shared(PyTypeObject *tp)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    Py_BEGIN_CRITICAL_SECTION_MUT(&interp->types.mutex);
    PyObject *mro = tp->tp_mro;
    if (mro != NULL) {
        _PyObject_SetMaybeWeakref(mro);
    }
    Py_END_CRITICAL_SECTION();
}

/* A new reference to tp's MRO tuple taken without the type lock, or NULL
 * (no MRO yet, or the try refused). The try-incref re-checks the slot
 * after it counts, so it never keeps a tuple a __bases__ store has
 * replaced and dropped. A tuple another thread owns and has never shared
 * refuses the try; it is then flagged (mark_mro_shared), and the next try
 * succeeds. */
static PyObject *
mro_try_ref(PyTypeObject *tp)
{
    PyObject **slot = &tp->tp_mro;
    PyObject *mro = _Py_atomic_load_ptr(slot);
    if (mro != NULL && _Py_TryIncrefCompare(slot, mro)) {
        return mro;
    }
    mark_mro_shared(tp);
    return NULL;
}

/* The same, falling back to the type lock, as CPython takes the tuple
 * (NULL only if tp has no MRO); *locked says which way it went. */
static PyObject *
mro_ref(PyTypeObject *tp, int *locked)
{
    PyObject *mro = mro_try_ref(tp);
    *locked = mro == NULL;
    if (mro == NULL) {
        Py_BEGIN_CRITICAL_SECTION_MUT(&_PyInterpreterState_GET()->types.mutex);
        mro = Py_XNewRef(tp->tp_mro);
        Py_END_CRITICAL_SECTION();
    }
    return mro;
}

/* `name` looked up on the MRO of `tp` (new reference or NULL), for a
 * caller that reads tp's version before and after and keeps the result
 * only if the two are equal and non-zero. CPython's _PyType_LookupRef
 * takes the interpreter-wide type lock whenever its type cache misses,
 * and every class change makes every (class, name) miss once: threads
 * that respecialize the sites of a class one of them keeps changing
 * waited on that lock a third of their time (shared_class_write, 2
 * threads). For a heap type the walk here takes no lock: the MRO tuple
 * by one try-incref (a __bases__ assignment may replace and drop it; a
 * miss takes the lock, as CPython, and marks the tuple so that the next
 * try succeeds), each
 * class dict by CPython's lock-free lookup, as find_name_in_mro walks
 * them under the lock. Consistency comes from the caller's second read
 * of the version: CPython zeroes the version of a class and of its
 * subclasses, under the type lock, before it changes a class dict or an
 * MRO, and the dict's entry stores are releases; the acquire fence
 * below orders this walk's reads before that second read, so a walk
 * that saw any part of a change sees the version changed. A version is
 * never reused. Anything else (a static type, an error) asks CPython. */
static PyObject *
type_lookup_ref(PyTypeObject *tp, PyObject *name)
{
    if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE) || !PyUnicode_CheckExact(name)) {
        return _PyType_LookupRef(tp, name);
    }
    Py_hash_t hash = _PyObject_HashFast(name);
    PyObject *mro = hash == -1 ? NULL : mro_try_ref(tp);
    if (mro == NULL) {
        PyErr_Clear();
        sigil_stat_bump(sigil_tstate_get(), SIGIL_STAT_type_lookups_locked);
        return _PyType_LookupRef(tp, name);
    }
    PyObject *res = NULL;
    int err = 0;
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 0; i < n && res == NULL && !err; i++) {
        PyObject *dict = _PyType_GetDict(_PyType_CAST(PyTuple_GET_ITEM(mro, i)));
        err = dict == NULL ||
              _PyDict_GetItemRef_KnownHash((PyDictObject *)dict, name, hash, &res) < 0;
    }
    Py_DECREF(mro);
    if (err) {
        PyErr_Clear();
        Py_CLEAR(res);
        sigil_stat_bump(sigil_tstate_get(), SIGIL_STAT_type_lookups_locked);
        return _PyType_LookupRef(tp, name);
    }
    sigil_stat_bump(sigil_tstate_get(), SIGIL_STAT_type_lookups_unlocked);
    /* Orders the walk's loads before the caller's re-read of the version
     * (see above: the race with a class change that it closes). */
    acquire_fence();
    return res;
}

/* The type version around a lookup of `name` on `tp`: the descriptor (new
 * reference or NULL) in *descr and the version it belongs to, or 0. */
static unsigned int
versioned_lookup(PyTypeObject *tp, PyObject *name, PyObject **descr)
{
    *descr = NULL;
    if (!sigil_type_version(tp)) {
        return 0;
    }
    unsigned int v = _Py_atomic_load_uint_relaxed(&tp->tp_version_tag);
    *descr = type_lookup_ref(tp, name);
    if (v == 0 || _Py_atomic_load_uint_relaxed(&tp->tp_version_tag) != v) {
        return 0;
    }
    return v;
}

/* Is `descr` an exact classmethod or staticmethod (whose __get__ is
 * CPython's own)? */
static int
is_wrapped(PyObject *descr)
{
    return Py_TYPE(descr) == &PyClassMethod_Type || Py_TYPE(descr) == &PyStaticMethod_Type;
}

/* LOAD_ATTR_WRAPPED_WITH_VALUES or LOAD_ATTR_CLASS_WRAPPED (`form`) for
 * the classmethod or staticmethod `descr`, filling rec->obj and rec->index
 * (the offset of the callable it wraps, its `__func__` member, shifted
 * left once; the low bit set for a classmethod), or a failure; the caller
 * sets the versions. A classmethod only for a call (`method`). The
 * descriptor is made deferred-RC, so that the record may cache it
 * borrowed (sigil_make_deferred: one stop of the world per descriptor,
 * the first time). */
static int
spec_wrapped(PyObject *descr, int method, sigil_record *rec, int form)
{
    PyTypeObject *dt = Py_TYPE(descr);
    int classmethod = dt == &PyClassMethod_Type;
    if (classmethod && !method) {
        return sigil_spec_fail(SIGIL_SF_classmethod_value);
    }
    Py_ssize_t offset = 0;
    for (PyMemberDef *m = dt->tp_members; m != NULL && m->name != NULL; m++) {
        if (strcmp(m->name, "__func__") == 0 && m->type == _Py_T_OBJECT) {
            offset = m->offset;
        }
    }
    if (offset < (Py_ssize_t)sizeof(PyObject) || offset > 0x7fff) {
        return sigil_spec_fail(SIGIL_SF_descriptor);
    }
    if (!sigil_make_deferred(descr)) {
        return sigil_spec_fail(SIGIL_SF_not_cacheable);
    }
    rec->index = (uint16_t)((offset << 1) | classmethod);
    rec->obj = descr;
    return form;
}

/* Why a class attribute cannot be cached as a method or plain value. */
static int
value_failure(PyObject *descr)
{
    return sigil_spec_fail(cacheable(descr) ? SIGIL_SF_descriptor : SIGIL_SF_not_cacheable);
}

/* Every form's opcode number is its own (ORDER FORM): Sigil numbers some
 * forms itself (sigil_spec.h), and two forms on one number would share a
 * dispatch slot without a word from the compiler (the table is built with
 * designated initializers). A duplicate case label does not compile. */
static inline __attribute__((unused)) void
form_numbers_distinct(int op)
{
    switch (op) {
#define SIGIL_FORMDEF(form, fam, guard) case form:
#include "sigil_spec.def"
#undef SIGIL_FORMDEF
    default:
        break;
    }
}

/* The lookup of up to two names on `tp` (new references or NULL in *d1,
 * *d2) and its tp_getattro, with the version they belong to, or 0: the
 * reads lie between two reads of the version, and a change of the type
 * zeroes the version before it touches the dict or the slots
 * (type_setattro, under the type lock). None of them moves outside: the
 * first version read and the tp_getattro read are acquires (no later
 * read is done before them), and each lookup ends with an acquire fence
 * (type_lookup_ref's, or the type cache's) or under the type lock, which
 * writers hold too. tp_getattro is
 * read atomically because CPython writes it with plain stores
 * (update_slot under the type lock; _Py_slot_tp_getattr_hook's lazy
 * switch to _Py_slot_tp_getattro, which changes no behaviour, under
 * none). For the choosers that depend on how `tp` looks attributes up,
 * not only on what it finds. */
static unsigned int
versioned_lookup_getattro(PyTypeObject *tp, getattrofunc *getattro, PyObject *name1, PyObject **d1,
                          PyObject *name2, PyObject **d2)
{
    *d1 = NULL;
    if (d2 != NULL) {
        *d2 = NULL;
    }
    if (!sigil_type_version(tp)) {
        return 0;
    }
    unsigned int v = _Py_atomic_load_uint32_acquire(&tp->tp_version_tag);
    *getattro = (getattrofunc)_Py_atomic_load_ptr_acquire(&tp->tp_getattro);
    *d1 = type_lookup_ref(tp, name1);
    if (d2 != NULL) {
        *d2 = type_lookup_ref(tp, name2);
    }
    if (v == 0 || _Py_atomic_load_uint_relaxed(&tp->tp_version_tag) != v) {
        return 0;
    }
    return v;
}

/* May a class of metaclass `meta` answer LOAD_ATTR of `name` with its own
 * attribute? Yes if the metaclass uses type's own lookup (no Python
 * __getattribute__ or __getattr__) and its attribute of the name, if any,
 * is a non-data descriptor or plain value of an immutable type: type's
 * lookup then prefers the class's attribute (only a data descriptor on
 * the metaclass wins over it), and nobody can make that attribute a data
 * descriptor later. LOAD_ATTR_CLASS for `type` itself (immutable: nothing
 * of it can change); LOAD_ATTR_CLASS_WITH_METACLASS_CHECK for any other
 * metaclass, with the version its lookup and tp_getattro belong to in
 * *mv (a change of the metaclass or of its bases zeroes it), or a
 * failure. */
static int
spec_metaclass(PyTypeObject *meta, PyObject *name, uint32_t *mv)
{
    PyObject *mdescr;
    getattrofunc getattro = PyType_Type.tp_getattro;
    unsigned int v = 0;
    if (meta == &PyType_Type) {
        mdescr = _PyType_LookupRef(meta, name);
    }
    else if ((v = versioned_lookup_getattro(meta, &getattro, name, &mdescr, NULL, NULL)) == 0) {
        Py_XDECREF(mdescr);
        return sigil_spec_fail(SIGIL_SF_type_version);
    }
    int form = meta == &PyType_Type ? LOAD_ATTR_CLASS : LOAD_ATTR_CLASS_WITH_METACLASS_CHECK;
    if (getattro != PyType_Type.tp_getattro) {
        form = sigil_spec_fail(SIGIL_SF_metaclass);
    }
    else if (mdescr != NULL && (!(Py_TYPE(mdescr)->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) ||
                                Py_TYPE(mdescr)->tp_descr_set != NULL)) {
        form = sigil_spec_fail(SIGIL_SF_metaclass_attr);
    }
    Py_XDECREF(mdescr);
    *mv = v;
    return form;
}

/* LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN: the owner's type has a Python
 * __getattribute__ (tp_getattro is one of the two slots CPython installs
 * for it) that is a simple two-argument function, and no __getattr__.
 * With __getattr__ the slot calls it when __getattribute__ raises
 * AttributeError; the form would skip that, so it declines, as CPython
 * 3.13 does (the type version guard then also covers the absence:
 * adding __getattr__ zeroes it). Not for a method load (CPython 3.13
 * neither): the function answers the attribute, never an unbound method.
 * Slot and both lookups belong to the version recorded; the function is
 * cached borrowed (simple_function requires it immortal or deferred-RC)
 * with its version in rec->version2. */
static int
spec_getattribute(PyTypeObject *tp, int method, sigil_record *rec)
{
    getattrofunc getattro = NULL;
    PyObject *fn, *hook;
    unsigned int v = versioned_lookup_getattro(tp, &getattro, &_Py_ID(__getattribute__), &fn,
                                               &_Py_ID(__getattr__), &hook);
    int form;
    if (v == 0) {
        form = sigil_spec_fail(SIGIL_SF_type_version);
    }
    else if (getattro != _Py_slot_tp_getattro && getattro != _Py_slot_tp_getattr_hook) {
        form = sigil_spec_fail(SIGIL_SF_getattr_override);   /* a C type's own lookup */
    }
    else if (hook != NULL) {
        form = sigil_spec_fail(SIGIL_SF_getattr_hook);
    }
    else if (method) {
        form = sigil_spec_fail(SIGIL_SF_method_load);
    }
    else if (fn == NULL) {
        form = sigil_spec_fail(SIGIL_SF_getattr_override);
    }
    else if ((form = simple_function(fn, 2, &rec->version2)) == 0) {
        rec->version = v;
        rec->obj = fn;
        form = LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN;
    }
    Py_XDECREF(fn);
    Py_XDECREF(hook);
    return form;
}

int
sigil_spec_load_attr_other(PyObject *owner, PyObject *name, int method, sigil_record *rec)
{
    if (!PyUnicode_CheckExact(name)) {
        return sigil_spec_fail(SIGIL_SF_not_str_name);
    }
    PyObject *descr;
    unsigned int v;
    int form;
    if (PyType_Check(owner)) {
        /* A class attribute, a method or plain value, that no attribute of
         * the metaclass hides (see spec_metaclass): the class's own
         * attribute is the answer. Its version pins the value; a metaclass
         * other than `type` (which is immutable) is guarded by its own. */
        uint32_t mv = 0;
        form = spec_metaclass(Py_TYPE(owner), name, &mv);
        if (form < 0) {
            return form;
        }
        v = versioned_lookup((PyTypeObject *)owner, name, &descr);
        if (v == 0) {
            form = sigil_spec_fail(SIGIL_SF_type_version);
        }
        else if (descr == NULL) {
            form = sigil_spec_fail(SIGIL_SF_name_missing);
        }
        else if (plain_class_value(descr) || method_class_value(descr)) {
            rec->version = v;
            rec->version2 = mv;
            rec->obj = descr;
        }
        else if (is_wrapped(descr) && form == LOAD_ATTR_CLASS) {
            form = spec_wrapped(descr, method, rec, LOAD_ATTR_CLASS_WRAPPED);
            if (form >= 0) {
                rec->version = v;
            }
        }
        else {
            form = value_failure(descr);
        }
        Py_XDECREF(descr);
        return form;
    }
    PyTypeObject *tp = Py_TYPE(owner);
    if (sigil_type_getattro(tp) != PyObject_GenericGetAttr) {
        return spec_getattribute(tp, method, rec);
    }
    if ((tp->tp_flags & Py_TPFLAGS_INLINE_VALUES) || !_PyType_IsReady(tp)) {
        return SIGIL_SPEC_NA;   /* sigil_spec_load_attr's case */
    }
    v = versioned_lookup(tp, name, &descr);
    if (v == 0 || descr == NULL) {
        Py_XDECREF(descr);
        /* no class attribute: sigil_spec_load_attr_hint's case */
        return v == 0 ? sigil_spec_fail(SIGIL_SF_type_version) : SIGIL_SPEC_NA;
    }
    /* Where the instance dict would be: none (tp_dictoffset 0 and no
     * managed dict), a managed dict, or a positive offset. */
    Py_ssize_t dictoffset = (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) ? MANAGED_DICT_OFFSET
                                                                    : tp->tp_dictoffset;
    if (!(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) && dictoffset < 0) {
        Py_DECREF(descr);   /* a dict placed from the end of a varsized object */
        return sigil_spec_fail(SIGIL_SF_dict_offset);
    }
    int data = method ? SIGIL_SPEC_NA : spec_data_descr(tp, owner, descr, rec);
    form = dictoffset == 0 ? value_failure(descr) : sigil_spec_fail(SIGIL_SF_has_dict);
    if (data < SIGIL_SPEC_NA &&
        (Py_TYPE(descr) == &PyMemberDescr_Type || Py_TYPE(descr) == &PyProperty_Type)) {
        form = data;   /* a data descriptor: why its form did not apply */
    }
    if (data >= 0) {
        form = data;
        rec->version = v;
    }
    else if (dictoffset == 0 && (method ? method_class_value(descr) : plain_class_value(descr))) {
        rec->version = v;
        rec->obj = descr;
        form = method ? LOAD_ATTR_METHOD_NO_DICT : LOAD_ATTR_NONDESCRIPTOR_NO_DICT;
    }
    else if (method && dictoffset != 0 && dictoffset >= MANAGED_DICT_OFFSET &&
             dictoffset - MANAGED_DICT_OFFSET <= 0xffff && method_class_value(descr) &&
             _Py_atomic_load_ptr_acquire((PyObject **)((char *)owner + dictoffset)) == NULL) {
        /* The instance can have a dict but has none yet, so it cannot
         * shadow the method; the offset is stored biased to fit 16 bits. */
        rec->version = v;
        rec->index = (uint16_t)(dictoffset - MANAGED_DICT_OFFSET);
        rec->obj = descr;
        form = LOAD_ATTR_METHOD_LAZY_DICT;
    }
    else if (method && dictoffset != 0 && !method_class_value(descr)) {
        form = value_failure(descr);
    }
    else if (method && (dictoffset < MANAGED_DICT_OFFSET || dictoffset - MANAGED_DICT_OFFSET > 0xffff)) {
        form = sigil_spec_fail(SIGIL_SF_dict_offset);
    }
    Py_DECREF(descr);
    return form;
}

/* Shared by LOAD_ATTR_WITH_HINT and STORE_ATTR_WITH_HINT: the index of
 * `name` in the owner's materialized combined-unicode dict, no class
 * attribute of the name at the type version recorded. */
static int
spec_attr_hint(PyObject *owner, PyObject *name, sigil_record *rec, int form)
{
    PyTypeObject *tp = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name)) {
        return sigil_spec_fail(SIGIL_SF_not_str_name);
    }
    /* the generic attribute protocol of the form's direction */
    if (form == LOAD_ATTR_WITH_HINT ? sigil_type_getattro(tp) != PyObject_GenericGetAttr
                                    : sigil_type_setattro(tp) != PyObject_GenericSetAttr) {
        return sigil_spec_fail(SIGIL_SF_getattr_override);
    }
    if (!(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT)) {
        return sigil_spec_fail(SIGIL_SF_no_dict);
    }
    PyObject *descr;
    unsigned int v = versioned_lookup(tp, name, &descr);
    if (v == 0 || descr != NULL) {
        Py_XDECREF(descr);   /* a class attribute: the other forms' case */
        return sigil_spec_fail(v == 0 ? SIGIL_SF_type_version : SIGIL_SF_class_attr);
    }
    /* The dict is swapped only under the owner's lock; take a reference
     * under it, then look the name up under the dict's own lock. The
     * index is a hint: the form re-checks the key at every use. */
    PyObject *dict;
    Py_BEGIN_CRITICAL_SECTION(owner);
    dict = Py_XNewRef((PyObject *)_PyObject_GetManagedDict(owner));
    Py_END_CRITICAL_SECTION();
    if (dict == NULL) {
        return sigil_spec_fail(SIGIL_SF_no_dict);
    }
    Py_ssize_t ix = -1;
    int kind_ok = 0;
    Py_BEGIN_CRITICAL_SECTION(dict);
    if (PyDict_CheckExact(dict) && ((PyDictObject *)dict)->ma_keys->dk_kind == DICT_KEYS_UNICODE) {
        kind_ok = 1;
        ix = _PyDict_LookupIndex((PyDictObject *)dict, name);
    }
    Py_END_CRITICAL_SECTION();
    Py_DECREF(dict);
    if (!kind_ok) {
        return sigil_spec_fail(SIGIL_SF_dict_kind);
    }
    if (ix < 0) {
        return sigil_spec_fail(SIGIL_SF_name_missing);
    }
    if (ix > 0xffff) {
        return sigil_spec_fail(SIGIL_SF_out_of_range);
    }
    rec->version = v;
    rec->index = (uint16_t)ix;
    return form;
}

int
sigil_spec_load_attr_hint(PyObject *owner, PyObject *name, sigil_record *rec)
{
    return spec_attr_hint(owner, name, rec, LOAD_ATTR_WITH_HINT);
}

int
sigil_spec_store_attr_hint(PyObject *owner, PyObject *name, sigil_record *rec)
{
    return spec_attr_hint(owner, name, rec, STORE_ATTR_WITH_HINT);
}

int
sigil_spec_store_attr_slot(PyObject *owner, PyObject *name, sigil_record *rec)
{
    PyTypeObject *tp = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name)) {
        return sigil_spec_fail(SIGIL_SF_not_str_name);
    }
    if (sigil_type_setattro(tp) != PyObject_GenericSetAttr) {
        return sigil_spec_fail(SIGIL_SF_getattr_override);
    }
    PyObject *descr;
    unsigned int v = versioned_lookup(tp, name, &descr);
    /* no member descriptor: the instance-dict forms' case */
    int form = v == 0 ? sigil_spec_fail(SIGIL_SF_type_version) : SIGIL_SPEC_NA;
    if (v != 0 && descr != NULL && Py_TYPE(descr) == &PyMemberDescr_Type) {
        form = sigil_spec_fail(SIGIL_SF_slot_kind);
        PyMemberDescrObject *m = (PyMemberDescrObject *)descr;
        PyMemberDef *d = m->d_member;
        if (d->type == Py_T_OBJECT_EX && !(d->flags & (Py_READONLY | Py_AUDIT_READ)) &&
            d->offset > 0 && d->offset <= 0xffff && PyObject_TypeCheck(owner, PyDescr_TYPE(m))) {
            rec->version = v;
            rec->index = (uint16_t)d->offset;
            form = STORE_ATTR_SLOT;
        }
    }
    Py_XDECREF(descr);
    return form;
}

/* -- Property setters ---------------------------------------------------------- */

/* `o` is None, or an object whose lifetime is already the collector's
 * (immortal or deferred-RC: a module-level function once threads exist),
 * or an exact str (no weak references, no finalizer). */
static int
lifetime_unobservable(PyObject *o)
{
    return o == Py_None || cacheable(o) || PyUnicode_CheckExact(o);
}

/* A store to a property has no form (CPython 3.13 has none either): the
 * generic STORE_ATTR finds the property in the class (_PyType_LookupRef,
 * which takes a reference to it) and calls its setter. A property is
 * mortal, owned by the thread that created the class, so on every other
 * thread that reference is two atomic read-modify-writes of its shared
 * count, on a cache line all the storing threads bounce: two threads of
 * the attributes workload spent 10% of their samples on that one load
 * (_PyType_LookupRef, perf). So a property met by a STORE_ATTR site once
 * threads exist is given deferred reference counting, which 3.13t turns
 * into immortality, as it does for every function and class then
 * (sigil_make_deferred: one stop of the world, the first time), if no
 * Python code can tell: an exact property has no weak references and no
 * finalizer, and what it holds (fget, fset, fdel, the doc string) must
 * already live as long as the collector decides (immortal or deferred-RC
 * functions, None, strs), so keeping it alive keeps nothing observable
 * alive longer. A property built from nested functions stays mortal. Best
 * effort: the site stays generic either way. No mutable global but the
 * cap's count, which is per process as the immortality it bounds. */
static void
shared_setter_property(PyObject *prop)
{
    /* How many properties this process has made immortal, and the most
     * it will: a program that keeps putting new properties on a class and
     * storing through them leaks at most this many. Relaxed: the count
     * orders nothing, and a race past the cap costs a property or two. */
    static _Atomic int made;
    enum { MAX_PROPERTIES = 4096 };
    if (cacheable(prop) ||
        _Py_atomic_load_int_relaxed(&_PyInterpreterState_GET()->gc.immortalize) != 1 ||
        atomic_load_explicit(&made, memory_order_relaxed) >= MAX_PROPERTIES) {
        return;
    }
    static const char *const parts[] = {"fget", "fset", "fdel", "__doc__"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        PyObject *part = PyObject_GetAttrString(prop, parts[i]);
        int ok = part != NULL && lifetime_unobservable(part);
        Py_XDECREF(part);
        if (!ok) {
            PyErr_Clear();
            return;
        }
    }
    if (sigil_make_deferred(prop)) {
        atomic_fetch_add_explicit(&made, 1, memory_order_relaxed);
        sigil_stat_bump(sigil_tstate_get(), SIGIL_STAT_properties_deferred);
    }
}

/* LOAD_ATTR on an instance whose type keeps attributes in inline values
 * (a plain class without __slots__ or a custom __getattribute__). */
int
sigil_spec_load_attr(sigil_runtime *rt, sigil_tstate *ts, PyObject *owner, PyObject *name,
                     int method, sigil_record *rec)
{
    PyTypeObject *tp = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name)) {
        return sigil_spec_fail(SIGIL_SF_not_str_name);
    }
    if (sigil_type_getattro(tp) != PyObject_GenericGetAttr) {
        /* a class, or a Python __getattribute__: sigil_spec_load_attr_other
         * says which form, or why none */
        return SIGIL_SPEC_NA;
    }
    if (!(tp->tp_flags & Py_TPFLAGS_INLINE_VALUES)) {
        return SIGIL_SPEC_NA;   /* the other LOAD_ATTR choosers' case */
    }
    PyDictKeysObject *keys = ((PyHeapTypeObject *)tp)->ht_cached_keys;
    PyDictValues *values = _PyObject_InlineValues(owner);
    if (keys == NULL || !_Py_atomic_load_uint8(&values->valid)) {
        return sigil_spec_fail(SIGIL_SF_no_inline_values);
    }
    /* The type version names the class attributes: take it, look the name
     * up, and take it again; equal and non-zero means the descriptor found
     * belongs to that version (a class change zeroes the version before it
     * touches the class dict, and versions are never reused). */
    if (!sigil_type_version(tp)) {
        return sigil_spec_fail(SIGIL_SF_type_version);
    }
    unsigned int v = _Py_atomic_load_uint_relaxed(&tp->tp_version_tag);
    PyObject *descr = type_lookup_ref(tp, name);
    int form = sigil_spec_fail(SIGIL_SF_type_version);
    int data = SIGIL_SPEC_NA;
    if (v == 0 || _Py_atomic_load_uint_relaxed(&tp->tp_version_tag) != v) {
        goto done;
    }
    /* The name's slot in the shared keys (append-only: an index never
     * changes meaning) and the keys version, under the keys' own lock so
     * that no insertion lands between the two. A keys object that already
     * has a version needs nothing more: the version is read in that same
     * section (CPython zeroes it under this lock at every insertion), and
     * a class change, which is what re-specializes these sites, leaves the
     * instances' keys alone. Only a keys object without a version takes
     * one: versions come from a plain per-interpreter counter that CPython
     * 3.13t never touches (its own specializer is off), so the SiJiL
     * serializes Sigil's increments (a lost increment could hand one
     * version to two key states), and the lookup is redone with it. Lock
     * order: SiJiL, then keys. */
    Py_ssize_t ix;
    uint32_t kv = 0;
    PyMutex_LockFlags(&keys->dk_mutex, _Py_LOCK_DONT_DETACH);
    ix = _PyDictKeys_StringLookup(keys, name);
    int need_version = descr != NULL && ix == DKIX_EMPTY;
    if (need_version) {
        kv = keys->dk_version;
    }
    PyMutex_Unlock(&keys->dk_mutex);
    if (need_version && kv == 0) {
        sigil_sijil_lock(rt, ts);
        PyMutex_LockFlags(&keys->dk_mutex, _Py_LOCK_DONT_DETACH);
        ix = _PyDictKeys_StringLookup(keys, name);
        if (ix == DKIX_EMPTY) {
            kv = _PyDictKeys_GetVersionForCurrentState(_PyInterpreterState_GET(), keys);
        }
        PyMutex_Unlock(&keys->dk_mutex);
        sigil_sijil_unlock(rt);
    }

    if (descr == NULL) {
        /* Only the instance can have it. */
        if (ix >= 0 && ix < values->capacity && ix <= 0xffff) {
            rec->version = v;
            rec->index = (uint16_t)ix;
            rec->obj = NULL;
            form = LOAD_ATTR_INSTANCE_VALUE;
        }
        else {
            form = sigil_spec_fail(ix < 0 ? SIGIL_SF_name_missing : SIGIL_SF_out_of_range);
        }
    }
    else if (method && ix == DKIX_EMPTY && kv != 0 && Py_TYPE(descr) == &PyFunction_Type &&
             cacheable(descr)) {
        /* A method: a plain function on the class, not shadowed on the
         * instance, cached borrowed, so it must be freed only by the GC. */
        rec->version = v;
        rec->version2 = kv;
        rec->obj = descr;
        form = LOAD_ATTR_METHOD_WITH_VALUES;
    }
    else if (!method && ix == DKIX_EMPTY && kv != 0 && plain_class_value(descr)) {
        /* A class attribute that is no descriptor, not shadowed on the
         * instance: the value itself, cached borrowed. */
        rec->version = v;
        rec->version2 = kv;
        rec->obj = descr;
        form = LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES;
    }
    else if (ix == DKIX_EMPTY && kv != 0 && is_wrapped(descr)) {
        /* A classmethod or staticmethod (non-data descriptors), not
         * shadowed on the instance: the callable it wraps. */
        form = spec_wrapped(descr, method, rec, LOAD_ATTR_WRAPPED_WITH_VALUES);
        if (form >= 0) {
            rec->version = v;
            rec->version2 = kv;
        }
    }
    else if (!method && descr != NULL && (data = spec_data_descr(tp, owner, descr, rec)) >= 0) {
        form = data;
        rec->version = v;
    }
    else if (data < SIGIL_SPEC_NA &&
             (Py_TYPE(descr) == &PyMemberDescr_Type || Py_TYPE(descr) == &PyProperty_Type)) {
        form = data;   /* a data descriptor: why its form did not apply */
    }
    else {
        form = ix != DKIX_EMPTY ? sigil_spec_fail(SIGIL_SF_shadowed)
             : kv == 0          ? sigil_spec_fail(SIGIL_SF_keys_version)
                                : value_failure(descr);
    }
done:
    Py_XDECREF(descr);
    return form;
}

/* Calls of a Python class whose instances object.__new__ makes and whose
 * __init__ is a simple Python function taking the arguments (after self):
 * CALL_ALLOC_AND_ENTER_INIT. The version is read first and again after
 * every check (the lookup, the slots, the flags): a store of __new__,
 * __init__ or __abstractmethods__ on the class or a base zeroes it before
 * the change lands, so equal reads mean all checks saw one state. */
static int
spec_call_alloc_init(PyTypeObject *tp, int nargs, int self, sigil_record *rec)
{
    if (Py_TYPE(tp) != &PyType_Type) {
        return sigil_spec_fail(SIGIL_SF_metaclass);   /* its __call__ may differ */
    }
    if (self) {
        return sigil_spec_fail(SIGIL_SF_callable_kind);
    }
    PyObject *init;
    unsigned int v = versioned_lookup(tp, &_Py_ID(__init__), &init);
    /* Acquire loads: each check's read is done before the version is read
     * again below (relaxed loads would give no read-read order). */
    newfunc tp_new = __atomic_load_n(&tp->tp_new, __ATOMIC_ACQUIRE);
    allocfunc tp_alloc = __atomic_load_n(&tp->tp_alloc, __ATOMIC_ACQUIRE);
    unsigned long flags = __atomic_load_n(&tp->tp_flags, __ATOMIC_ACQUIRE);
    int r;
    if (v == 0) {
        r = sigil_spec_fail(SIGIL_SF_type_version);
    }
    else if (tp_new != PyBaseObject_Type.tp_new || tp_alloc != PyType_GenericAlloc ||
             (flags & Py_TPFLAGS_IS_ABSTRACT)) {
        r = sigil_spec_fail(SIGIL_SF_new_overridden);
    }
    else if (!(flags & Py_TPFLAGS_HEAPTYPE) || tp->tp_itemsize != 0) {
        /* (inline values or not: PyType_GenericAlloc lays out either, as
         * object.__new__ does through tp_alloc; __slots__ classes too) */
        r = sigil_spec_fail(SIGIL_SF_class_layout);
    }
    else if (init == NULL || Py_TYPE(init) != &PyFunction_Type) {
        r = sigil_spec_fail(SIGIL_SF_init_kind);
    }
    else {
        r = simple_function(init, nargs + 1, &rec->version2);
    }
    if (r == 0 && _Py_atomic_load_uint_relaxed(&tp->tp_version_tag) != v) {
        r = sigil_spec_fail(SIGIL_SF_type_version);
    }
    if (r == 0) {
        rec->version = v;
        rec->obj = init;   /* cacheable (simple_function checked): borrowed */
        r = CALL_ALLOC_AND_ENTER_INIT;
    }
    Py_XDECREF(init);
    return r;
}

/* Calls of a type: type(x), str(x), tuple(x) with one argument, or any
 * other immutable type with a vectorcall. Immutable types never change
 * their tp_vectorcall, so the type's identity (rec->obj) is the guard.
 * Mutable classes: spec_call_alloc_init. */
static int
spec_call_class(PyTypeObject *tp, int nargs, int self, sigil_record *rec)
{
    if (!(tp->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)) {
        return spec_call_alloc_init(tp, nargs, self, rec);
    }
    if (Py_TYPE(tp) != &PyType_Type || !cacheable((PyObject *)tp)) {
        return sigil_spec_fail(SIGIL_SF_class_kind);
    }
    if (nargs == 1 && !self) {
        if (tp == &PyType_Type) {
            return CALL_TYPE_1;
        }
        if (tp == &PyUnicode_Type) {
            return CALL_STR_1;
        }
        if (tp == &PyTuple_Type) {
            return CALL_TUPLE_1;
        }
    }
    if (tp->tp_vectorcall == NULL) {
        return sigil_spec_fail(SIGIL_SF_class_kind);
    }
    rec->obj = (PyObject *)tp;
    return CALL_BUILTIN_CLASS;
}

/* Calls of a method descriptor of a builtin type (`"-".join(x)` after
 * LOAD_ATTR's method form, or `str.upper(s)`): its calling convention is
 * fixed when the descriptor is made. `nargs` counts self. */
static int
spec_call_method_descr(PyObject *callable, int nargs, sigil_record *rec)
{
    PyMethodDef *ml = ((PyMethodDescrObject *)callable)->d_method;
    int argc_fail = sigil_spec_fail(SIGIL_SF_argument_count);
    if (nargs < 1) {
        return argc_fail;
    }
    if (callable == _PyInterpreterState_GET()->callable_cache.list_append && nargs == 2) {
        return CALL_LIST_APPEND;
    }
    /* dict.get: a static type's attribute, alive and the same for ever. */
    if (callable == _PyType_Lookup(&PyDict_Type, &_Py_ID(get)) && (nargs == 2 || nargs == 3)) {
        rec->obj = callable;
        return CALL_DICT_GET;
    }
    switch (ml->ml_flags & SIGIL_METH_CALLCONV) {
    case METH_NOARGS:
        return nargs == 1 ? CALL_METHOD_DESCRIPTOR_NOARGS : argc_fail;
    case METH_O:
        return nargs == 2 ? CALL_METHOD_DESCRIPTOR_O : argc_fail;
    case METH_FASTCALL:
        return CALL_METHOD_DESCRIPTOR_FAST;
    case METH_FASTCALL | METH_KEYWORDS:
        return CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS;
    default:
        return sigil_spec_fail(SIGIL_SF_call_convention);
    }
}

/* The instruction table of `code` (built now if the code has not run
 * yet), which a Python call form's record keeps in place of the code
 * (sigil_code.h): the loop then enters the callee without looking its
 * table up. NULL if the code cannot have one (its extra slots predate
 * Sigil's, or no memory; no exception is left set). */
static sigil_code *
callee_table(sigil_runtime *rt, PyCodeObject *code)
{
    sigil_code *t = sigil_code_get_fast(code, rt->extra_index);
    if (t == NULL) {
        t = sigil_code_get_slow(code, rt->extra_index);
        if (t == NULL) {
            PyErr_Clear();
        }
    }
    return t;
}

int
sigil_spec_call(sigil_runtime *rt, PyObject *callable, PyObject *self_or_null, int nargs,
                sigil_record *rec)
{
    int form = CALL_PY_EXACT_ARGS;
    if (PyType_Check(callable)) {
        return spec_call_class((PyTypeObject *)callable, nargs, self_or_null != NULL, rec);
    }
    if (Py_TYPE(callable) == &PyMethodDescr_Type) {
        return spec_call_method_descr(callable, nargs + (self_or_null != NULL), rec);
    }
    if (self_or_null != NULL) {
        nargs++;
    }
    else if (Py_TYPE(callable) == &PyMethod_Type) {
        callable = ((PyMethodObject *)callable)->im_func;
        form = CALL_BOUND_METHOD_EXACT_ARGS;
        nargs++;
    }
    if (PyCFunction_CheckExact(callable) && form == CALL_PY_EXACT_ARGS) {
        /* Builtins: the guards are the callable's identity or its C
         * calling convention, immutable properties of the object. */
        PyInterpreterState *interp = _PyInterpreterState_GET();
        int flags = PyCFunction_GET_FLAGS(callable) & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
        if (callable == interp->callable_cache.len && nargs == 1 && self_or_null == NULL) {
            return CALL_LEN;
        }
        if (callable == interp->callable_cache.isinstance && nargs == 2 && self_or_null == NULL) {
            return CALL_ISINSTANCE;
        }
        if (flags == METH_O && nargs == 1) {
            return CALL_BUILTIN_O;
        }
        if (flags == METH_FASTCALL) {
            return CALL_BUILTIN_FAST;
        }
        if (flags == (METH_FASTCALL | METH_KEYWORDS)) {
            return CALL_BUILTIN_FAST_WITH_KEYWORDS;
        }
        return sigil_spec_fail(flags == METH_O ? SIGIL_SF_argument_count : SIGIL_SF_call_convention);
    }
    if (Py_TYPE(callable) != &PyFunction_Type) {
        return sigil_spec_fail(SIGIL_SF_callable_kind);
    }
    PyFunctionObject *func = (PyFunctionObject *)callable;
    uint32_t fv;
    PyCodeObject *code = versioned_code(func, &fv);
    if (code == NULL || func->vectorcall != _PyFunction_Vectorcall) {
        return sigil_spec_fail(SIGIL_SF_func_version);
    }
    int flags = code->co_flags;
    if (!(flags & CO_OPTIMIZED) || (flags & (CO_VARARGS | CO_VARKEYWORDS)) ||
        code->co_kwonlyargcount != 0) {
        return sigil_spec_fail(SIGIL_SF_code_flags);
    }
    if (code->co_argcount < nargs) {
        return sigil_spec_fail(SIGIL_SF_argument_count);
    }
    if (code->co_argcount != nargs) {
        /* Defaults fill the rest. Only for a function on the stack (plain
         * or with self from LOAD_ATTR), as CPython 3.12 did; the count of
         * defaults is re-read at each call from the tuple the call uses. */
        /* A try, not a loop: an increment from a thread that does not own
         * the tuple fails while its shared count is zero (no attempt is
         * then made; the call stays generic). */
        PyObject *defs = _Py_TryXGetRef(&func->func_defaults);
        int ok = defs != NULL && PyTuple_CheckExact(defs) &&
                 code->co_argcount - PyTuple_GET_SIZE(defs) <= nargs;
        Py_XDECREF(defs);
        if (!ok || form != CALL_PY_EXACT_ARGS) {
            return sigil_spec_fail(SIGIL_SF_defaults);
        }
        form = CALL_PY_WITH_DEFAULTS;
    }
    sigil_code *t = callee_table(rt, code);
    if (t == NULL) {
        return sigil_spec_fail(SIGIL_SF_code_table);
    }
    rec->version = fv;
    /* The code's table, not the code: it lives exactly as long as the
     * code (deferred-RC, freed only by the GC), and t->co is the code. */
    rec->obj = (PyObject *)t;
    return form;
}

/* A keyword call of a Python function whose every parameter the call
 * fills (no default used): positional arguments first, then each keyword
 * into the parameter it names. The kwnames tuple is a constant of the
 * call site, the version pins the code, so the keyword-to-parameter map
 * is computed once here and kept in the record. */
int
sigil_spec_call_kw(sigil_runtime *rt, PyObject *callable, PyObject *self_or_null, int nargs,
                   PyObject *kwnames, sigil_record *rec)
{
    if (Py_TYPE(callable) != &PyFunction_Type || !PyTuple_CheckExact(kwnames)) {
        return sigil_spec_fail(SIGIL_SF_callable_kind);
    }
    PyFunctionObject *func = (PyFunctionObject *)callable;
    uint32_t fv;
    PyCodeObject *code = versioned_code(func, &fv);
    if (code == NULL || func->vectorcall != _PyFunction_Vectorcall) {
        return sigil_spec_fail(SIGIL_SF_func_version);
    }
    if (!(code->co_flags & CO_OPTIMIZED) || (code->co_flags & (CO_VARARGS | CO_VARKEYWORDS))) {
        return sigil_spec_fail(SIGIL_SF_code_flags);
    }
    int total = nargs + (self_or_null != NULL);
    int nkw = (int)PyTuple_GET_SIZE(kwnames);
    int npos = total - nkw;
    int nparams = code->co_argcount + code->co_kwonlyargcount;
    if (total != nparams || npos > code->co_argcount || nkw > SIGIL_KW_MAX_KEYWORDS ||
        nparams > SIGIL_KW_MAX_PARAMS) {
        return sigil_spec_fail(SIGIL_SF_argument_count);
    }
    int first = npos > code->co_posonlyargcount ? npos : code->co_posonlyargcount;
    uint32_t map = 0, filled = 0;
    for (int j = 0; j < nkw; j++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, j);
        int at = -1;
        for (int i = first; i < nparams && at < 0; i++) {
            PyObject *param = PyTuple_GET_ITEM(code->co_localsplusnames, i);
            if (param == name || (PyUnicode_CheckExact(name) && _PyUnicode_Equal(param, name))) {
                at = i;
            }
        }
        if (at < 0 || (filled & (1u << at))) {
            return sigil_spec_fail(SIGIL_SF_keyword_names);
        }
        filled |= 1u << at;
        map |= (uint32_t)at << (4 * j);
    }
    sigil_code *t = callee_table(rt, code);
    if (t == NULL) {
        return sigil_spec_fail(SIGIL_SF_code_table);
    }
    rec->version = fv;
    rec->version2 = map;
    rec->obj = (PyObject *)t;   /* the code's table, as sigil_spec_call's */
    rec->key = kwnames;
    return CALL_KW_PY;
}

int
sigil_spec_for_iter(PyObject *iter)
{
    if (Py_TYPE(iter) == &PyRangeIter_Type || Py_TYPE(iter) == &PyTupleIter_Type) {
        if (!sigil_thread_private(iter)) {
            return sigil_spec_fail(SIGIL_SF_shared_iterator);
        }
        return Py_TYPE(iter) == &PyRangeIter_Type ? FOR_ITER_RANGE : FOR_ITER_TUPLE;
    }
    if (Py_TYPE(iter) == &PyListIter_Type) {
        return FOR_ITER_LIST;
    }
    if (Py_TYPE(iter) == &PyGen_Type) {
        return FOR_ITER_GEN;
    }
    return sigil_spec_fail(SIGIL_SF_iterator_kind);
}

int
sigil_spec_unpack_sequence(PyObject *seq, int n)
{
    if (PyTuple_CheckExact(seq) && PyTuple_GET_SIZE(seq) == n) {
        return n == 2 ? UNPACK_SEQUENCE_TWO_TUPLE : UNPACK_SEQUENCE_TUPLE;
    }
    if (PyList_CheckExact(seq) && PyList_GET_SIZE(seq) == n) {
        return UNPACK_SEQUENCE_LIST;
    }
    return sigil_spec_fail(PyTuple_CheckExact(seq) || PyList_CheckExact(seq) ? SIGIL_SF_length
                                                                             : SIGIL_SF_container_kind);
}

int
sigil_spec_store_attr(PyObject *owner, PyObject *name, sigil_record *rec)
{
    PyTypeObject *tp = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name)) {
        return sigil_spec_fail(SIGIL_SF_not_str_name);
    }
    if (sigil_type_setattro(tp) != PyObject_GenericSetAttr) {
        return sigil_spec_fail(SIGIL_SF_getattr_override);
    }
    if (!(tp->tp_flags & Py_TPFLAGS_INLINE_VALUES)) {
        return SIGIL_SPEC_NA;   /* the slot and dict forms' case */
    }
    PyDictKeysObject *keys = ((PyHeapTypeObject *)tp)->ht_cached_keys;
    if (keys == NULL) {
        return SIGIL_SPEC_NA;
    }
    if (!sigil_type_version(tp)) {
        return sigil_spec_fail(SIGIL_SF_type_version);
    }
    /* As for LOAD_ATTR: no class attribute of that name at this version. */
    unsigned int v = _Py_atomic_load_uint_relaxed(&tp->tp_version_tag);
    PyObject *descr = type_lookup_ref(tp, name);
    int stable = v != 0 && _Py_atomic_load_uint_relaxed(&tp->tp_version_tag) == v;
    if (stable && descr != NULL && Py_TYPE(descr) == &PyProperty_Type) {
        shared_setter_property(descr);
    }
    Py_XDECREF(descr);
    if (!stable) {
        return sigil_spec_fail(SIGIL_SF_type_version);
    }
    if (descr != NULL) {
        /* a slot (STORE_ATTR_SLOT) or another class attribute */
        return Py_TYPE(descr) == &PyMemberDescr_Type ? SIGIL_SPEC_NA
                                                    : sigil_spec_fail(SIGIL_SF_class_attr);
    }
    PyMutex_LockFlags(&keys->dk_mutex, _Py_LOCK_DONT_DETACH);
    Py_ssize_t ix = _PyDictKeys_StringLookup(keys, name);
    PyMutex_Unlock(&keys->dk_mutex);
    if (ix < 0) {
        /* not in the shared keys: maybe in a materialized dict (hint) */
        return sigil_spec_fail(SIGIL_SF_name_missing);
    }
    if (ix >= _PyObject_InlineValues(owner)->capacity) {
        return sigil_spec_fail(SIGIL_SF_out_of_range);
    }
    rec->version = v;
    rec->index = (uint16_t)ix;
    return STORE_ATTR_INSTANCE_VALUE;
}

static int
small_index(PyObject *sub)
{
    return PyLong_CheckExact(sub) && _PyLong_IsNonNegativeCompact((PyLongObject *)sub);
}

int
sigil_spec_binary_subscr_getitem(PyObject *container, sigil_record *rec)
{
    PyTypeObject *tp = Py_TYPE(container);
    if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        return sigil_spec_fail(SIGIL_SF_container_kind);
    }
    PyObject *descr;
    unsigned int tv = versioned_lookup(tp, &_Py_ID(__getitem__), &descr);
    int r = tv == 0 ? sigil_spec_fail(SIGIL_SF_type_version)
          : descr == NULL ? sigil_spec_fail(SIGIL_SF_container_kind)
          : simple_function(descr, 2, &rec->version2);
    if (r == 0) {
        rec->version = tv;
        rec->obj = descr;   /* cacheable (simple_function checked): borrowed */
        r = BINARY_SUBSCR_GETITEM;
    }
    Py_XDECREF(descr);
    return r;
}

int
sigil_spec_binary_subscr(PyObject *container, PyObject *sub, int unstable)
{
    if (unstable && (PyList_CheckExact(container) || PyTuple_CheckExact(container)) &&
        small_index(sub)) {
        return BINARY_SUBSCR_SEQUENCE_INT;
    }
    if (PyList_CheckExact(container) && small_index(sub)) {
        return BINARY_SUBSCR_LIST_INT;
    }
    if (PyTuple_CheckExact(container) && small_index(sub)) {
        return BINARY_SUBSCR_TUPLE_INT;
    }
    if (PyUnicode_CheckExact(container) && small_index(sub)) {
        return BINARY_SUBSCR_STR_INT;
    }
    if (PyDict_CheckExact(container)) {
        return BINARY_SUBSCR_DICT;
    }
    return sigil_spec_fail(PyList_CheckExact(container) || PyTuple_CheckExact(container) ||
                                   PyUnicode_CheckExact(container)
                               ? SIGIL_SF_index_kind
                               : SIGIL_SF_container_kind);
}

int
sigil_spec_store_subscr(PyObject *container, PyObject *sub)
{
    if (PyList_CheckExact(container) && small_index(sub)) {
        return STORE_SUBSCR_LIST_INT;
    }
    if (PyDict_CheckExact(container)) {
        return STORE_SUBSCR_DICT;
    }
    return sigil_spec_fail(PyList_CheckExact(container) ? SIGIL_SF_index_kind
                                                        : SIGIL_SF_container_kind);
}

int
sigil_spec_contains_op(PyObject *container)
{
    if (PySet_CheckExact(container) || PyFrozenSet_CheckExact(container)) {
        return CONTAINS_OP_SET;
    }
    if (PyDict_CheckExact(container)) {
        return CONTAINS_OP_DICT;
    }
    return sigil_spec_fail(SIGIL_SF_container_kind);
}

/* -- Publication ------------------------------------------------------------ */

static void
backoff(sigil_code *sc, Py_ssize_t pc)
{
    uint16_t c = atomic_load_explicit(&sc->counters[pc], memory_order_relaxed);
    unsigned exp = (c >> 12) + 1;
    if (exp > 12) {
        exp = 12;
    }
    uint16_t wait = (uint16_t)((1u << exp) - 1);
    atomic_store_explicit(&sc->counters[pc], (uint16_t)((exp << 12) | wait), memory_order_relaxed);
}

/* Which failure counter (fam, reason) is counted under: its own if the
 * family declares the reason (sigil_specfail.def), else FAMILY.fail.other.
 * Entries hold the counter + 1, so an undeclared pair reads as 0. */
static const uint8_t famfail_counter[SIGIL_FAM__MAX][SIGIL_SF__MAX] = {
#define SIGIL_FAMFAILDEF(fam, reason) [SIGIL_FAM_##fam][SIGIL_SF_##reason] = SIGIL_FF_##fam##_##reason + 1,
#include "sigil_specfail.def"
#undef SIGIL_FAMFAILDEF
};
_Static_assert(SIGIL_FF__MAX < 256, "famfail_counter holds a counter in a byte");

/* A failed attempt: count it with its reason (so that the reasons of a
 * family sum to its failures). */
static void
count_failure_reason(sigil_tstate *ts, sigil_family fam, int result)
{
    int c = famfail_counter[fam][sigil_spec_reason(result)];
    sigil_family_bump(ts, fam, SIGIL_FAMCTR_failures);
    /* SIGIL_FF_<fam>_other is numbered as the family (ORDER SPECFAIL). */
    sigil_counter_add(ts, SIGIL_CTR_FAMFAIL(c > 0 ? c - 1 : (int)fam), 1);
}

/* ... and back off (a generic word's attempt). */
static void
count_failure(sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc, sigil_family fam, int result)
{
    count_failure_reason(ts, fam, result);
    backoff(sc, pc);
}

int
sigil_spec_load_global(PyObject *globals, PyObject *name, int *index)
{
    if (!PyDict_CheckExact(globals)) {
        return sigil_spec_fail(SIGIL_SF_not_exact_dict);
    }
    if (!PyUnicode_CheckExact(name)) {
        return sigil_spec_fail(SIGIL_SF_not_str_name);
    }
    PyDictObject *d = (PyDictObject *)globals;
    Py_ssize_t ix;
    /* The index is only a hint (the fast path re-checks the entry's key),
     * but the lookup itself must not race a resize: take the dict's lock. */
    Py_BEGIN_CRITICAL_SECTION(d);
    ix = d->ma_keys->dk_kind == DICT_KEYS_UNICODE ? _PyDict_LookupIndex(d, name) : -2;
    Py_END_CRITICAL_SECTION();
    if (ix < 0 || ix > 0xffff) {
        return sigil_spec_fail(ix == -2 ? SIGIL_SF_dict_kind
                               : ix < 0 ? SIGIL_SF_name_missing : SIGIL_SF_out_of_range);
    }
    *index = (int)ix;
    return LOAD_GLOBAL_MODULE;
}

int
sigil_spec_load_global_pinned(sigil_runtime *rt, sigil_tstate *ts, PyObject *globals,
                              PyObject *name, int index, sigil_record *rec)
{
    if (!sigil_world_usable(rt) || !PyDict_CheckExact(globals)) {
        return -1;
    }
    PyDictObject *g = (PyDictObject *)globals;
    PyObject *v = NULL;
    uint64_t wv = 0;
    sigil_sijil_lock(rt, ts);
    /* One critical section for the entry read, the watch, the pin and the
     * version read: a store or deletion of the name comes wholly before
     * (the entry read sees its result) or wholly after (its watcher call
     * finds the pin and bumps past the version recorded here). */
    Py_BEGIN_CRITICAL_SECTION(g);
    PyDictKeysObject *k = g->ma_keys;
    if (k->dk_kind == DICT_KEYS_UNICODE && index < k->dk_nentries) {
        PyDictUnicodeEntry *ep = &DK_UNICODE_ENTRIES(k)[index];
        /* Only a value another thread owns: this thread's own count of
         * it is not atomic, and a module's import (one thread, rebinding
         * globals as it goes) pins nothing. */
        if (ep->me_key == name && ep->me_value != NULL && !_Py_IsImmortal(ep->me_value) &&
            !_Py_IsOwnedByCurrentThread(ep->me_value) && sigil_world_watch(rt, globals) == 0 && sigil_world_pin(rt, globals, name)) {
            v = ep->me_value;
            wv = sigil_world_version(rt);
        }
    }
    Py_END_CRITICAL_SECTION();
    sigil_sijil_unlock(rt);
    if (v == NULL) {
        return -1;
    }
    rec->obj = v;          /* no reference: the pin stands for the dict's */
    rec->key = globals;    /* compared by address only */
    /* Whether the value is an exact dict, fixed for its life (a dict's
     * class cannot be assigned), so the interpreter can tell without
     * reading an object the record holds no reference to. */
    rec->index = PyDict_CheckExact(v) ? 1 : 0;
    rec->version = (uint32_t)wv;
    rec->version2 = (uint32_t)(wv >> 32);
    return LOAD_GLOBAL_PINNED;
}

/* The version of a dict's current keys, assigned if it has none. Caller
 * holds the dict's critical section (CPython zeroes the version under it
 * before every insertion or deletion) and the SiJiL (CPython's counter is
 * unsynchronized; Sigil is its only user on 3.13t). */
static uint32_t
dict_keys_version(PyDictObject *d)
{
    return _PyDictKeys_GetVersionForCurrentState(_PyInterpreterState_GET(), d->ma_keys);
}

/* The index-and-name form's check reads the name, the keys' kind and entry
 * count and the entry's key at every execution; this form reads the keys'
 * version instead, and the record keeps where the value lies. Chosen for a
 * site until its keys change once (sigil_spec_global_demote). */
int
sigil_spec_load_global_keys(sigil_runtime *rt, sigil_tstate *ts, PyObject *globals,
                            PyObject *name, int index, sigil_record *rec)
{
    PyDictObject *g = (PyDictObject *)globals;   /* exact: sigil_spec_load_global */
    uint32_t version = 0, offset = 0;
    sigil_sijil_lock(rt, ts);
    Py_BEGIN_CRITICAL_SECTION(g);
    PyDictKeysObject *k = g->ma_keys;
    if (k->dk_kind == DICT_KEYS_UNICODE && index < k->dk_nentries &&
        DK_UNICODE_ENTRIES(k)[index].me_key == name) {
        version = dict_keys_version(g);
        offset = (uint32_t)((char *)&DK_UNICODE_ENTRIES(k)[index].me_value - (char *)k);
    }
    Py_END_CRITICAL_SECTION();
    sigil_sijil_unlock(rt);
    if (version == 0) {
        return -1;
    }
    rec->version = version;
    rec->version2 = offset;
    rec->index = (uint16_t)index;
    return LOAD_GLOBAL_MODULE_KEYS;
}

/* LOAD_GLOBAL_BUILTIN when the world version is usable: the name is
 * registered, and the lookups, the watch of the globals and the read of
 * the world version happen in one critical section over both dicts, so
 * that an insertion of the name into the globals falls wholly before (the
 * lookup finds it) or wholly after (its watcher call bumps the version
 * recorded here); see runtime/sigil_world.c. The builtins entry is
 * recorded only if it stores the name object itself (the form compares
 * keys by identity); otherwise, or if the registry is full or the watch
 * fails, LOAD_GLOBAL_BUILTIN_KEYS: both dicts' keys versions, assigned in
 * that same section (CPython zeroes a version under the dict's lock before
 * every insertion or deletion). With `keyed`, the world-version form
 * finds its builtins entry by the builtins' keys version (assigned in that
 * section too) and the entry's value-slot offset instead of by index and
 * name: LOAD_GLOBAL_BUILTIN_KEYED, which a site keeps until its first
 * miss (sigil_spec_global_demote then asks again without `keyed`). */
int
sigil_spec_load_global_builtin(sigil_runtime *rt, sigil_tstate *ts, PyObject *globals,
                               PyObject *builtins, PyObject *name, int keyed, sigil_record *rec)
{
    if (!PyDict_CheckExact(globals) || !PyDict_CheckExact(builtins)) {
        return sigil_spec_fail(SIGIL_SF_not_exact_dict);
    }
    if (!PyUnicode_CheckExact(name)) {
        return sigil_spec_fail(SIGIL_SF_not_str_name);
    }
    PyDictObject *g = (PyDictObject *)globals, *b = (PyDictObject *)builtins;
    Py_ssize_t gix = -2, bix = -1;
    uint32_t gv = 0, bv = 0, kv = 0, off = 0;
    uint64_t wv = 0;
    sigil_sijil_lock(rt, ts);
    int world = sigil_world_usable(rt);
    Py_BEGIN_CRITICAL_SECTION2(g, b);
    if (g->ma_keys->dk_kind == DICT_KEYS_UNICODE && b->ma_keys->dk_kind == DICT_KEYS_UNICODE) {
        gix = _PyDict_LookupIndex(g, name);
        bix = _PyDict_LookupIndex(b, name);
        if (gix == DKIX_EMPTY && bix >= 0 && bix <= 0xffff) {
            /* The name is registered only for a site that will depend on
             * it, and before the section ends (the watcher's next call
             * for this dict comes after it). */
            if (world && DK_UNICODE_ENTRIES(b->ma_keys)[bix].me_key == name &&
                sigil_world_add_name(rt, name) && sigil_world_watch(rt, globals) == 0) {
                wv = sigil_world_version(rt);
                if (keyed) {
                    PyDictKeysObject *bk = b->ma_keys;
                    kv = dict_keys_version(b);
                    off = (uint32_t)((char *)&DK_UNICODE_ENTRIES(bk)[bix].me_value - (char *)bk);
                }
            }
            else {
                gv = dict_keys_version(g);
                bv = dict_keys_version(b);
            }
        }
    }
    Py_END_CRITICAL_SECTION2();
    sigil_sijil_unlock(rt);
    if (gix == -2) {
        return sigil_spec_fail(SIGIL_SF_dict_kind);
    }
    if (gix != DKIX_EMPTY || bix > 0xffff) {
        /* in globals at an index too big for LOAD_GLOBAL_MODULE */
        return sigil_spec_fail(gix >= 0 || bix > 0xffff ? SIGIL_SF_out_of_range : SIGIL_SF_other);
    }
    if (bix < 0) {
        return sigil_spec_fail(SIGIL_SF_name_missing);
    }
    rec->index = (uint16_t)bix;
    if (wv != 0) {
        rec->version = (uint32_t)wv;
        rec->version2 = (uint32_t)(wv >> 32);
        rec->key = globals;   /* compared by address only */
        if (kv != 0) {
            rec->keys_version = kv;
            rec->slot_offset = off;
            return LOAD_GLOBAL_BUILTIN_KEYED;
        }
        return LOAD_GLOBAL_BUILTIN;
    }
    if (gv == 0 || bv == 0) {
        return sigil_spec_fail(SIGIL_SF_keys_version);
    }
    rec->version = gv;
    rec->version2 = bv;
    return LOAD_GLOBAL_BUILTIN_KEYS;
}

int
sigil_spec_load_attr_module(PyObject *owner, PyObject *name, sigil_record *rec)
{
    if (!PyModule_CheckExact(owner)) {
        return SIGIL_SPEC_NA;
    }
    if (!PyUnicode_CheckExact(name)) {
        return sigil_spec_fail(SIGIL_SF_not_str_name);
    }
    PyObject *dict = ((PyModuleObject *)owner)->md_dict;
    if (dict == NULL || !PyDict_CheckExact(dict)) {
        return sigil_spec_fail(SIGIL_SF_not_exact_dict);
    }
    PyDictObject *d = (PyDictObject *)dict;
    Py_ssize_t ix = -2;
    int same_key = 0;
    /* The form checks the entry's key by identity (LOAD_MODULE_ENTRY), so
     * the index is worth recording only if the stored key is the code's
     * name object itself (setattr interns names; a key stored through the
     * dict as an equal but distinct str would make every run miss). */
    Py_BEGIN_CRITICAL_SECTION(d);
    if (d->ma_keys->dk_kind == DICT_KEYS_UNICODE) {
        ix = _PyDict_LookupIndex(d, name);
        if (ix >= 0 && ix <= 0xffff) {
            same_key = DK_UNICODE_ENTRIES(d->ma_keys)[ix].me_key == name;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (!same_key) {
        return sigil_spec_fail(ix == -2 ? SIGIL_SF_dict_kind
                               : ix < 0 ? SIGIL_SF_name_missing
                               : ix > 0xffff ? SIGIL_SF_out_of_range : SIGIL_SF_key_identity);
    }
    rec->index = (uint16_t)ix;
    return LOAD_ATTR_MODULE;
}

/* Publish `desired` at pc if the word is still `seen`: 1 on success (the
 * counter then holds the miss budget, if `refill`), 0 if another thread
 * moved it. */
static int
publish_word(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc, sigil_word seen,
             sigil_word desired, sigil_family fam, int refill)
{
    sigil_sijil_lock(rt, ts);
    /* Under the SiJiL no other publisher writes; a concurrent deopt can
     * only have moved the word, which makes this CAS fail. The CAS is a
     * release: a thread that acquires the new word sees every field of a
     * record it points to. */
    int ok = sigil_code_word_cas(sc, pc, seen, desired);
    sigil_sijil_unlock(rt);
    if (!ok) {
        sigil_stat_bump(ts, SIGIL_STAT_publish_races_lost);
        return 0;
    }
    if (refill) {
        uint16_t c = atomic_load_explicit(&sc->counters[pc], memory_order_relaxed);
        unsigned exp = c >> 12;
        exp = exp > 0 ? exp - 1 : 0;
        atomic_store_explicit(&sc->counters[pc], (uint16_t)((exp << 12) | SIGIL_SPEC_MISS_BUDGET),
                              memory_order_relaxed);
    }
    sigil_stat_bump(ts, SIGIL_STAT_words_published);
    sigil_family_bump(ts, fam, SIGIL_FAMCTR_successes);
    return 1;
}

static int
publish(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc, sigil_word seen,
        sigil_word desired, sigil_family fam)
{
    return publish_word(rt, ts, sc, pc, seen, desired, fam, 1);
}

void
sigil_spec_attempt(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                   sigil_word seen, sigil_family fam, int form)
{
    sigil_spec_attempt_aux(rt, ts, sc, pc, seen, fam, form, 0);
}

void
sigil_spec_attempt_aux(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                       sigil_word seen, sigil_family fam, int form, uint16_t aux)
{
    sigil_family_bump(ts, fam, SIGIL_FAMCTR_attempts);
    if (form < 0) {
        count_failure(ts, sc, pc, fam, form);
        return;
    }
    sigil_word desired = sigil_word_make_aux(form, SIGIL_W_NCACHE(seen), (uint32_t)SIGIL_W_ARG(seen), aux);
    publish(rt, ts, sc, pc, seen, desired, fam);
}

void
sigil_spec_attempt_record(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                          sigil_word seen, sigil_family fam, int form, const sigil_record *init)
{
    sigil_family_bump(ts, fam, SIGIL_FAMCTR_attempts);
    sigil_record *rec = NULL;
    if (form >= 0) {
        sigil_record tmp = *init;
        tmp.oparg = (uint32_t)SIGIL_W_ARG(seen);
        tmp.form = (uint16_t)form;
        rec = sigil_record_new(&tmp);
    }
    if (rec == NULL) {
        count_failure(ts, sc, pc, fam, form < 0 ? form : sigil_spec_fail(SIGIL_SF_no_memory));
        return;
    }
    sigil_word desired = sigil_word_make_record(form, SIGIL_W_NCACHE(seen), rec);
    if (publish(rt, ts, sc, pc, seen, desired, fam)) {
        sigil_stat_bump(ts, SIGIL_STAT_records_published);
    }
    else {
        sigil_record_free_unpublished(rec);   /* nobody else ever saw it */
    }
}

/* The record of `seen`, which this thread's compare-and-swap just took out
 * of its word: only the winner of that CAS retires it (freed after a grace
 * period). */
static void
retire_unpublished(sigil_tstate *ts, sigil_word seen)
{
    sigil_record_retire(sigil_word_record(seen));
    sigil_stat_bump(ts, SIGIL_STAT_records_retired);
}

/* Publish the new record `rec` as `form` in place of the record word
 * `seen` (a grow): the old record is retired if this thread's CAS took it
 * out, `rec` freed if it lost. 1 if published. */
static int
replace_record(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
               sigil_word seen, sigil_record *rec, int form, sigil_family fam, int refill)
{
    sigil_word desired = sigil_word_make_record(form, SIGIL_W_NCACHE(seen), rec);
    if (!publish_word(rt, ts, sc, pc, seen, desired, fam, refill)) {
        sigil_record_free_unpublished(rec);   /* nobody else ever saw it */
        return 0;
    }
    sigil_stat_bump(ts, SIGIL_STAT_records_published);
    retire_unpublished(ts, seen);
    return 1;
}

void
sigil_spec_deopt(sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc, sigil_word seen,
                 sigil_family fam, int base_op)
{
    sigil_word generic = sigil_word_generic(base_op, seen);
    if (sigil_code_word_cas(sc, pc, seen, generic)) {
        if (SIGIL_W_IS_RECORD(seen)) {
            retire_unpublished(ts, seen);
        }
        sigil_stat_bump(ts, SIGIL_STAT_words_published);
        sigil_family_bump(ts, fam, SIGIL_FAMCTR_deopts);
        backoff(sc, pc);
    }
    else {
        sigil_stat_bump(ts, SIGIL_STAT_publish_races_lost);
    }
}

/* -- super() methods ---------------------------------------------------------- */

/* The object super(klass, <an instance of tp>).name finds, as
 * _super_lookup_descr finds it (a new reference; NULL if none or on an
 * error, which is cleared), or NULL with *klass_found 0 if klass is not on
 * tp's MRO. CPython takes the MRO tuple under the interpreter-wide type
 * lock, on every super() call; mro_ref takes it by a try-incref (a
 * __bases__ store replaces it under that lock and drops the old one,
 * which the try cannot keep), and the walk then reads the same tuple and
 * dicts CPython's walk reads outside the lock. *locked says whether the
 * lock was needed. */
static PyObject *
super_lookup_past(PyTypeObject *tp, PyTypeObject *klass, PyObject *name, int *klass_found,
                  int *locked)
{
    PyObject *mro = mro_ref(tp, locked);
    *klass_found = 0;
    if (mro == NULL) {
        return NULL;
    }
    PyObject *res = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(mro), i = 0;
    while (i + 1 < n && PyTuple_GET_ITEM(mro, i) != (PyObject *)klass) {
        i++;
    }
    if (i + 1 < n) {
        *klass_found = 1;
        for (i++; i < n && res == NULL; i++) {
            /* A class's tp_dict is set when the class is readied and never
             * replaced (its contents change under the dict's own lock,
             * which PyDict_GetItemRef takes as needed), so the plain read,
             * the one _super_lookup_descr makes, races with no write. */
            PyObject *dict = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
            if (dict == NULL || PyDict_GetItemRef(dict, name, &res) < 0) {
                PyErr_Clear();
                res = NULL;
                break;
            }
        }
    }
    Py_DECREF(mro);
    return res;
}

PyObject *
sigil_super_lookup(sigil_tstate *ts, PyTypeObject *klass, PyObject *self, PyObject *name,
                   int *method)
{
    PyTypeObject *tp = Py_TYPE(self);
    /* supercheck's usual case: an instance of a subclass of klass. A class
     * (super() in a classmethod) or a proxy's __class__ go to CPython. */
    if (PyType_Check(self) || !PyUnicode_CheckExact(name) || !PyType_IsSubtype(tp, klass)) {
        sigil_stat_bump(ts, SIGIL_STAT_super_lookups_locked);
        return _PySuper_Lookup(klass, self, name, method);
    }
    int klass_found, locked;
    PyObject *res = super_lookup_past(tp, klass, name, &klass_found, &locked);
    sigil_stat_bump(ts, locked ? SIGIL_STAT_super_lookups_locked : SIGIL_STAT_super_lookups_unlocked);
    if (res == NULL) {
        /* Not past klass on the MRO (the super object's own attributes,
         * an AttributeError), an error (cleared: CPython's lookup meets
         * it again and raises it), or klass gone from the MRO since the
         * check: CPython's lookup, from the start. */
        return _PySuper_Lookup(klass, self, name, method);
    }
    if (method != NULL && _PyType_HasFeature(Py_TYPE(res), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        *method = 1;
        return res;
    }
    /* do_super_lookup's binding: self is an instance here, so it is
     * passed, with its type as the owner. */
    descrgetfunc get = Py_TYPE(res)->tp_descr_get;
    if (get != NULL) {
        Py_SETREF(res, get(res, self, (PyObject *)tp));
    }
    return res;
}

/* LOAD_SUPER_ATTR_METHOD_CACHED: super(klass, self).name where self is an
 * instance (not a class) of a type with the generic __getattribute__, and
 * the name resolves past klass to a method (a cacheable method
 * descriptor, which the instruction leaves unbound beside self, as
 * _PySuper_Lookup's method mode does). Both versions are taken before the
 * lookup and checked after it: a class change zeroes them before it
 * touches a dict or the MRO, and versions are never reused, so equal
 * non-zero versions mean the method found is the one they name. */
static int
spec_super_method(PyObject *global_super, PyObject *klass, PyObject *self, PyObject *name,
                  sigil_record *rec)
{
    /* the immediate forms' conditions first (super is the builtin, the
     * class operand a type) */
    int imm = sigil_spec_load_super_attr(1, global_super, klass);
    if (imm < 0) {
        return imm;
    }
    if (!PyUnicode_CheckExact(name)) {
        return sigil_spec_fail(SIGIL_SF_not_str_name);
    }
    PyTypeObject *tp = Py_TYPE(self);
    PyTypeObject *kt = (PyTypeObject *)klass;
    if (PyType_Check(self) || sigil_type_getattro(tp) != PyObject_GenericGetAttr) {
        return sigil_spec_fail(SIGIL_SF_super_receiver);
    }
    if (_PyUnicode_Equal(name, &_Py_ID(__class__))) {
        return sigil_spec_fail(SIGIL_SF_super_receiver);   /* the super object's own */
    }
    if (!sigil_type_version(tp) || !sigil_type_version(kt)) {
        return sigil_spec_fail(SIGIL_SF_type_version);
    }
    unsigned int v = _Py_atomic_load_uint_relaxed(&tp->tp_version_tag);
    unsigned int kv = _Py_atomic_load_uint_relaxed(&kt->tp_version_tag);
    int klass_found, locked;
    PyObject *res = super_lookup_past(tp, kt, name, &klass_found, &locked);
    sigil_stat_bump(sigil_tstate_get(),
                    locked ? SIGIL_STAT_super_lookups_locked : SIGIL_STAT_super_lookups_unlocked);
    int form;
    if (v == 0 || kv == 0 || _Py_atomic_load_uint_relaxed(&tp->tp_version_tag) != v ||
        _Py_atomic_load_uint_relaxed(&kt->tp_version_tag) != kv) {
        form = sigil_spec_fail(SIGIL_SF_type_version);
    }
    else if (!klass_found) {
        /* super() raises, or follows self.__class__ */
        form = sigil_spec_fail(SIGIL_SF_class_off_mro);
    }
    else if (res == NULL) {
        form = sigil_spec_fail(SIGIL_SF_name_missing);
    }
    else if (!method_class_value(res)) {
        form = sigil_spec_fail(SIGIL_SF_descriptor);
    }
    else {
        rec->version = v;
        rec->version2 = kv;
        rec->obj = res;   /* borrowed: cacheable */
        form = LOAD_SUPER_ATTR_METHOD_CACHED;
    }
    Py_XDECREF(res);
    return form;
}

/* -- Polymorphic attribute records ------------------------------------------ */

/* The kinds of polymorphic record: the family, the polymorphic form, and
 * the guards an entry's form may begin with, the ones whose version
 * selects the entry (which object carries it: poly_key). */
typedef struct poly_kind {
    sigil_family fam;
    int poly;
    int key_uop, key_uop2;
} poly_kind;

enum { POLY_INSTANCE, POLY_CLASS, POLY_STORE, POLY_CALL, POLY_SUPER, POLY__MAX };

static const poly_kind poly_kinds[POLY__MAX] = {
    /* LOAD_ATTR on instances: the owner's type's version */
    [POLY_INSTANCE] = {SIGIL_FAM_LOAD_ATTR, LOAD_ATTR_POLY, SIGIL_UOP_GUARD_TOS_TYPE_VERSION, -1},
    /* LOAD_ATTR on classes: the owner's own version */
    [POLY_CLASS] = {SIGIL_FAM_LOAD_ATTR, LOAD_ATTR_CLASS_POLY, SIGIL_UOP_GUARD_TOS_PLAIN_CLASS,
                    SIGIL_UOP_GUARD_TOS_METACLASS_VERSION},
    [POLY_STORE] = {SIGIL_FAM_STORE_ATTR, STORE_ATTR_POLY, SIGIL_UOP_GUARD_TOS_TYPE_VERSION, -1},
    /* calls: the function's version */
    [POLY_CALL] = {SIGIL_FAM_CALL, CALL_PY_POLY, SIGIL_UOP_GUARD_CALLABLE_FUNCTION, -1},
    /* super() methods: the version of type(self) (self is the top operand) */
    [POLY_SUPER] = {SIGIL_FAM_LOAD_SUPER_ATTR, LOAD_SUPER_ATTR_POLY, SIGIL_UOP_GUARD_TOS_TYPE_VERSION,
                    -1},
};

/* The kind whose entries `form` (of family fam) can be, or -1. */
static int
poly_entry_kind(sigil_family fam, int form)
{
    int f = sigil_form_of_opcode(form);
    if (f < 0 || sigil_form_families[f] != fam) {
        return -1;
    }
    int st = sigil_form_first_step(f);
    if (st < 0) {
        return -1;
    }
    int uop = sigil_step_uops[st];
    for (int k = 0; k < POLY__MAX; k++) {
        const poly_kind *pk = &poly_kinds[k];
        if (pk->fam == fam && form != pk->poly && (uop == pk->key_uop || uop == pk->key_uop2)) {
            return k;
        }
    }
    return -1;
}

/* The kind of the polymorphic form `form`, or -1. */
static int
poly_form_kind(int form)
{
    for (int k = 0; k < POLY__MAX; k++) {
        if (poly_kinds[k].poly == form) {
            return k;
        }
    }
    return -1;
}

/* The object whose version selects an entry of kind k for this operand
 * (the owner's type, the owner class, the function), or NULL when the
 * operand cannot have one (a non-class owner for the class kind). */
static PyObject *
poly_ident(int k, PyObject *operand)
{
    switch (k) {
    case POLY_CLASS:
        return PyType_Check(operand) ? operand : NULL;
    case POLY_CALL:
        return Py_TYPE(operand) == &PyFunction_Type ? operand : NULL;
    default:
        return (PyObject *)Py_TYPE(operand);
    }
}

/* A chosen form that could be a polymorphic entry records the object its
 * version belongs to (rec->key), so that a later grow knows its entry
 * when that object changes (poly_grow). Returns `form`. */
static int
poly_mark(sigil_family fam, int form, PyObject *operand, sigil_record *rec)
{
    int k = poly_entry_kind(fam, form);
    if (k >= 0) {
        rec->key = poly_ident(k, operand);
    }
    return form;
}

/* The version `ident` carries now (relaxed, as every version read). */
static uint32_t
poly_key(int k, PyObject *ident)
{
    if (k == POLY_CALL) {
        return _Py_atomic_load_uint32_relaxed(&((PyFunctionObject *)ident)->func_version);
    }
    return _Py_atomic_load_uint_relaxed(&((PyTypeObject *)ident)->tp_version_tag);
}

int
sigil_spec_load_attr_any(sigil_runtime *rt, sigil_tstate *ts, PyObject *owner, PyObject *name,
                         int method, sigil_record *rec)
{
    if (PyModule_CheckExact(owner)) {
        return sigil_spec_load_attr_module(owner, name, rec);
    }
    int form = sigil_spec_load_attr(rt, ts, owner, name, method, rec);
    /* Failures chain: the first chooser that failed for a reason (not
     * merely "not my kind") reports it (sigil_spec_or). */
    if (form < 0) {
        *rec = (sigil_record){0};
        form = sigil_spec_or(form, sigil_spec_load_attr_other(owner, name, method, rec));
    }
    if (form < 0 && !PyType_Check(owner)) {
        *rec = (sigil_record){0};
        form = sigil_spec_or(form, sigil_spec_load_attr_hint(owner, name, rec));
    }
    return poly_mark(SIGIL_FAM_LOAD_ATTR, form, owner, rec);
}

int
sigil_spec_store_attr_any(PyObject *owner, PyObject *name, sigil_record *rec)
{
    int form = sigil_spec_store_attr(owner, name, rec);
    if (form < 0) {
        *rec = (sigil_record){0};
        form = sigil_spec_or(form, sigil_spec_store_attr_slot(owner, name, rec));
    }
    if (form < 0) {
        *rec = (sigil_record){0};
        form = sigil_spec_or(form, sigil_spec_store_attr_hint(owner, name, rec));
    }
    return poly_mark(SIGIL_FAM_STORE_ATTR, form, owner, rec);
}

int
sigil_spec_load_super_attr_any(int oparg, PyObject *global_super, PyObject *klass,
                               PyObject *self, PyObject *name, sigil_record *rec)
{
    if (oparg & 1) {
        int form = spec_super_method(global_super, klass, self, name, rec);
        if (form >= 0) {
            return poly_mark(SIGIL_FAM_LOAD_SUPER_ATTR, form, self, rec);
        }
        /* What a class change can undo (a class changing under the
         * lookup, the class operand off the MRO, the name missing) is a
         * failure, retried after the backoff: the immediate form never
         * misses on a class change, so choosing it for a passing state
         * would keep the type lock at this site for good. */
        if (form == sigil_spec_fail(SIGIL_SF_type_version) ||
            form == sigil_spec_fail(SIGIL_SF_class_off_mro) ||
            form == sigil_spec_fail(SIGIL_SF_name_missing)) {
            return form;
        }
        *rec = (sigil_record){0};
    }
    return sigil_spec_load_super_attr(oparg, global_super, klass);
}

int
sigil_spec_call_any(sigil_runtime *rt, PyObject *callable, PyObject *self_or_null, int nargs,
                    sigil_record *rec)
{
    return poly_mark(SIGIL_FAM_CALL, sigil_spec_call(rt, callable, self_or_null, nargs, rec),
                     callable, rec);
}

/* The index of the entry among `n` whose version is v, or whose
 * versioned object (the owner's type, the owner class, the function) is
 * `ident` (compared by identity only: rec->key), else -1. */
static int
poly_find(const sigil_record *entries, int n, uint32_t v, PyObject *ident)
{
    for (int i = 0; i < n; i++) {
        if (entries[i].version == v || (ident != NULL && entries[i].key == ident)) {
            return i;
        }
    }
    return -1;
}

/* What a grow chooses with: the family's chooser over the operands. */
typedef struct poly_choice {
    sigil_family fam;
    sigil_runtime *rt;
    sigil_tstate *ts;
    PyObject *owner;      /* LOAD_ATTR / STORE_ATTR: the owner; CALL: the callable */
    PyObject *name;       /* attributes */
    int method;           /* LOAD_ATTR */
    PyObject *self_or_null;   /* CALL */
    int nargs;                /* CALL */
    PyObject *global_super, *klass;   /* LOAD_SUPER_ATTR (owner: self) */
} poly_choice;

static int
poly_choose(const poly_choice *c, sigil_record *rec)
{
    switch (c->fam) {
    case SIGIL_FAM_LOAD_ATTR:
        return sigil_spec_load_attr_any(c->rt, c->ts, c->owner, c->name, c->method, rec);
    case SIGIL_FAM_STORE_ATTR:
        return sigil_spec_store_attr_any(c->owner, c->name, rec);
    case SIGIL_FAM_LOAD_SUPER_ATTR:
        /* only the record form can be an entry: its failure stands */
        return spec_super_method(c->global_super, c->klass, c->owner, c->name, rec);
    default:
        return sigil_spec_call(c->rt, c->owner, c->self_or_null, c->nargs, rec);
    }
}

/* A clock for the replacement notes below: the time-stamp counter on
 * x86-64 (about 20 cycles; clock_gettime, even through the vDSO, was 3%
 * of a two-thread shared_class_write profile), else CLOCK_MONOTONIC.
 * Per thread: a migration between cores at worst charges or spares one
 * replacement. */
static inline uint64_t
replace_clock(void)
{
#if defined(__x86_64__)
    return __rdtsc();
#else
    struct timespec now;
    if (clock_gettime(CLOCK_MONOTONIC, &now) != 0) {
        return 0;
    }
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
#endif
}

static size_t
replaced_slot(const sigil_code *sc, Py_ssize_t pc)
{
    return (((uintptr_t)sc >> 4) ^ (size_t)pc * 0x9e3779b1u) % SIGIL_REPLACED_SEEN;
}

/* Did the entry that this thread replaces at (sc, pc), now, after a class
 * change, live less than SIGIL_REPLACE_SOON_FACTOR times what this
 * thread's last replacement there cost? Only such a replacement is
 * charged to the site's miss budget. A class changed now and then (a class attribute kept as a counter
 * or a flag: shared_class_write) made every site of it replace its entry
 * at each change, and after eight the site went generic, where CPython's
 * lookup of the new version misses its type cache and takes the
 * interpreter-wide type lock, which two threads then fought over. The
 * rule bounds the share of a site's time spent respecializing, whatever
 * the build's speed (a debug or TSan build is slower at both); a site
 * whose class changes at nearly every execution still spends its budget.
 * Per thread, in a small table keyed by site (a collision forgets the
 * older site, which then counts as not replaced soon); no shared state. */
static int
replaced_soon(sigil_tstate *ts, const sigil_code *sc, Py_ssize_t pc, uint64_t now)
{
    size_t h = replaced_slot(sc, pc);
    int soon = ts->replaced[h].sc == sc && ts->replaced[h].pc == pc &&
               now - ts->replaced[h].stamp < SIGIL_REPLACE_SOON_FACTOR * ts->replaced[h].cost;
    return soon;
}

/* Note a replacement at (sc, pc) that began at `start` and is published:
 * its time, and what it cost (the least seen at the site, so that a
 * thread preempted in the middle of one does not widen the window). */
static void
replaced_note(sigil_tstate *ts, const sigil_code *sc, Py_ssize_t pc, uint64_t start)
{
    size_t h = replaced_slot(sc, pc);
    uint64_t cost = replace_clock() - start;
    if (ts->replaced[h].sc == sc && ts->replaced[h].pc == pc && ts->replaced[h].cost < cost) {
        cost = ts->replaced[h].cost;
    }
    ts->replaced[h].sc = sc;
    ts->replaced[h].pc = pc;
    ts->replaced[h].stamp = start;
    ts->replaced[h].cost = cost;
}

/* A miss at a full record by an operand of a kind it has no entry for.
 * Charging each one sent a site that sees more kinds than a record holds
 * (a method called on objects of six classes) round a cycle: specialize,
 * grow to four entries, spend the budget, deopt, specialize again, about
 * one publication per six executions, each with the SiJiL, compare-and-
 * swaps and a record to retire, and with threads the word's, the record's
 * and the counter's cache lines bouncing between cores. Only one such
 * miss in SIGIL_FULL_MISS_CHARGE is charged now, and a spent budget no
 * longer deopts a full record: it rotates it, publishing in its place a
 * record of one entry, the missing operand's, which the next kinds to
 * miss grow again (poly_grow). Deopting sent such a site round the same
 * cycle with more steps (deopt, wait, specialize, three grows: 3,300
 * records per unit of bm_polymorphism, and at two threads 4.5% of the
 * SiJiL acquisitions waited); starting over keeps what the cycle was good
 * for, a record of the kinds seen last. Each rotation past the first
 * SIGIL_POLY_MAX doubles the charging interval, up to
 * 2^SIGIL_ROTATE_SLOWDOWN_MAX times: a site that keeps meeting more kinds
 * than it can hold rotates ever more rarely. Returns -1 if the miss runs
 * generic with the record kept (spared, or charged with budget left), 1
 * if the budget is spent (rotate), 0 if the caller charges the miss as an
 * ordinary one: a super() site, whose budget demotes it to the immediate
 * form, which caches nothing and never misses. */
static int
full_record_miss(sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc, sigil_family fam,
                 uint32_t rotations)
{
    if (fam == SIGIL_FAM_LOAD_SUPER_ATTR) {
        return 0;
    }
    uint32_t shift = rotations > SIGIL_POLY_MAX ? rotations - SIGIL_POLY_MAX : 0;
    if (shift > SIGIL_ROTATE_SLOWDOWN_MAX) {
        shift = SIGIL_ROTATE_SLOWDOWN_MAX;
    }
    uint32_t every = (uint32_t)SIGIL_FULL_MISS_CHARGE << shift;
    if ((++ts->full_miss_tick & (every - 1)) != 0) {
        sigil_stat_bump(ts, SIGIL_STAT_full_misses_spared);
        return -1;
    }
    return sigil_spec_miss(sc, pc) ? 1 : -1;
}

/* The grow itself (sigil_spec_attr_grow, sigil_spec_call_grow): the
 * record's kind says which object's version selects an entry (poly_ident
 * of the operand) and which forms it may hold. */
static int
poly_grow(sigil_code *sc, Py_ssize_t pc, sigil_word seen, const poly_choice *c)
{
    sigil_runtime *rt = c->rt;
    sigil_tstate *ts = c->ts;
    sigil_family fam = c->fam;
    if (!SIGIL_W_IS_RECORD(seen)) {
        return 0;
    }
    const sigil_record *old = sigil_word_record(seen);
    int kind = poly_form_kind(old->form);
    int is_poly = kind >= 0;
    if (!is_poly) {
        kind = poly_entry_kind(fam, old->form);
    }
    if (kind < 0 || poly_kinds[kind].fam != fam) {
        return 0;
    }
    int poly = poly_kinds[kind].poly;
    /* The word was acquired in this instruction (an acquire load, pairing
     * with the release compare-and-swap that published it, so every field
     * of the block, the head's rotation count included, was written before
     * and is never written again), and the block cannot be freed before
     * this thread's next quiescent state: it is read in
     * place up to the decision to choose an entry (nothing before that
     * waits), and copied out then, not read again: the chooser may block
     * on a type or dict lock, and a thread that blocks detaches, which
     * lets the grace period of a record another thread's deopt retired
     * end while this thread waits. (Retiring `old` below needs only its
     * address: this thread's CAS is what unpublishes it then.) A miss
     * spared at a full record, the common case at a megamorphic site,
     * thus copies nothing. */
    const sigil_record *entries = is_poly ? sigil_record_entry(old, 0) : old;
    uint32_t oparg = old->oparg;
    int n = is_poly ? old->index : 1;
    uint32_t rotations = is_poly ? old->version2 : 0;
    PyObject *ident = poly_ident(kind, c->owner);
    if (ident == NULL) {
        return 0;   /* an operand of another kind: an ordinary miss */
    }
    /* A guard failing inside the operand's own entry is an ordinary miss. */
    if (poly_find(entries, n, poly_key(kind, ident), NULL) >= 0) {
        return 0;
    }
    /* The operand's class (or the function) has an entry of an older
     * version (it was changed since): that entry is replaced. A
     * replacement soon after this thread's previous one at the site is
     * charged to the miss budget, so an object changed on nearly every
     * execution still ends generic after the budget. (Refilling the
     * budget at a replacement that is not soon was tried: with 16 threads
     * on 2 cores each thread's own replacements look rare while the site
     * churns, and the TSan race suite ran past its time limit.) Another
     * operand takes a free entry, uncharged and refilling. */
    int at = poly_find(entries, n, 0, ident);
    int rotate = 0;
    if (at < 0 && n >= SIGIL_POLY_MAX) {
        int r = full_record_miss(ts, sc, pc, fam, rotations);
        if (r <= 0) {
            return r;
        }
        rotate = 1;   /* budget spent: start over from this operand's kind */
    }
    sigil_record prev[SIGIL_POLY_MAX];
    memcpy(prev, entries, (size_t)n * sizeof(sigil_record));
    entries = NULL;   /* not read past this point */
    uint64_t start = at >= 0 ? replace_clock() : 0;
    int soon = at >= 0 && replaced_soon(ts, sc, pc, start);
    if (soon && sigil_spec_miss(sc, pc)) {
        return 0;   /* budget spent: the caller's miss deopts */
    }
    sigil_record add = {0};
    int form = poly_choose(c, &add);
    sigil_family_bump(ts, fam, SIGIL_FAMCTR_attempts);
    if (form < 0 || poly_entry_kind(fam, form) != kind || add.version == 0 ||
        poly_find(prev, n, add.version, NULL) >= 0) {
        /* No entry for this operand: a failed attempt (with its reason if
         * the chooser gave one, else as a form the record cannot hold),
         * and the miss is charged as usual; no backoff, the counter holds
         * the published word's miss budget. */
        count_failure_reason(ts, fam, form < 0 ? form : sigil_spec_fail(SIGIL_SF_poly_entry));
        return 0;
    }
    add.oparg = oparg;
    add.form = (uint16_t)form;
    add.key = ident;
    int nnew;
    sigil_record *head;
    int word_form = poly;   /* the published word's form: the record's */
    if (at >= 0 && !is_poly) {
        /* a plain record of the same class: replaced by a plain one (a
         * polymorphic one of one entry, after a rotation, stays
         * polymorphic and keeps its count) */
        nnew = 1;
        word_form = form;
        head = sigil_record_new(&add);
    }
    else {
        sigil_record recs[1 + SIGIL_POLY_MAX];
        nnew = rotate ? 1 : at >= 0 ? n : n + 1;
        recs[0] = (sigil_record){.oparg = oparg, .form = (uint16_t)poly, .index = (uint16_t)nnew,
                                 .version2 = rotations + (uint32_t)rotate};
        if (rotate) {
            recs[1] = add;   /* the record starts over from this kind */
        }
        else {
            memcpy(&recs[1], prev, (size_t)n * sizeof(sigil_record));
            recs[1 + (at >= 0 ? at : n)] = add;
        }
        sigil_record_poly_fill(&recs[0]);
        head = sigil_record_new_n(recs, nnew + 1);
    }
    if (head == NULL) {
        return 0;
    }
    if (!replace_record(rt, ts, sc, pc, seen, head, word_form, fam, at < 0)) {
        return 0;   /* `old` stays, another thread moved the word */
    }
    if (rotate) {
        sigil_stat_bump(ts, SIGIL_STAT_poly_rotations);
    }
    if (at >= 0) {
        replaced_note(ts, sc, pc, start);
        if (!soon) {
            sigil_stat_bump(ts, SIGIL_STAT_entries_replaced_free);
        }
    }
    return 1;
}

int
sigil_spec_to_bool_grow(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                        sigil_word seen, PyObject *value)
{
    if (!SIGIL_W_IS_RECORD(seen)) {
        return 0;
    }
    /* Copied out before the chooser, which may wait on the type lock (see
     * poly_grow). */
    const sigil_record *old = sigil_word_record(seen);
    if (old->form != TO_BOOL_MIXED || old->version != 0) {
        return 0;
    }
    uint32_t oparg = old->oparg;
    sigil_record add = {0};
    sigil_family_bump(ts, SIGIL_FAM_TO_BOOL, SIGIL_FAMCTR_attempts);
    int form = sigil_spec_to_bool_always_true(value, &add);
    if (form != TO_BOOL_ALWAYS_TRUE) {
        count_failure_reason(ts, SIGIL_FAM_TO_BOOL, form);
        return 0;
    }
    add.oparg = oparg;
    add.form = TO_BOOL_MIXED;
    sigil_record *rec = sigil_record_new(&add);
    /* no refill: the budget left is the published word's */
    return rec != NULL && replace_record(rt, ts, sc, pc, seen, rec, TO_BOOL_MIXED, SIGIL_FAM_TO_BOOL, 0);
}

int
sigil_spec_attr_grow(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                     sigil_word seen, sigil_family fam, PyObject *owner, PyObject *name, int method)
{
    poly_choice c = {.fam = fam, .rt = rt, .ts = ts, .owner = owner, .name = name, .method = method};
    return poly_grow(sc, pc, seen, &c);
}

int
sigil_spec_call_grow(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                     sigil_word seen, PyObject *callable, PyObject *self_or_null, int nargs)
{
    poly_choice c = {.fam = SIGIL_FAM_CALL, .rt = rt, .ts = ts, .owner = callable,
                     .self_or_null = self_or_null, .nargs = nargs};
    return poly_grow(sc, pc, seen, &c);
}

int
sigil_spec_super_grow(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                      sigil_word seen, PyObject *global_super, PyObject *klass, PyObject *self,
                      PyObject *name)
{
    poly_choice c = {.fam = SIGIL_FAM_LOAD_SUPER_ATTR, .rt = rt, .ts = ts, .owner = self,
                     .name = name, .global_super = global_super, .klass = klass};
    return poly_grow(sc, pc, seen, &c);
}

/* A keys-version global or builtin that missed goes back to the
 * index-and-name form for good (a site whose keys change once would miss
 * again at every change). */
int
sigil_spec_global_demote(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                         sigil_word seen, PyObject *globals, PyObject *builtins, PyObject *name)
{
    if (!SIGIL_W_IS_RECORD(seen)) {
        return 0;
    }
    /* read before the retire below (the retire_no_grace fault build frees
     * the record at once) */
    uint32_t oparg = sigil_word_oparg(seen);
    if (SIGIL_W_OP(seen) == LOAD_GLOBAL_BUILTIN_KEYED) {
        /* the same choice without the keys: a world version moved since
         * gets the current one, a name now in the globals no record */
        sigil_record add = {0};
        if (sigil_spec_load_global_builtin(rt, ts, globals, builtins, name, 0, &add) !=
            LOAD_GLOBAL_BUILTIN) {
            return 0;
        }
        add.oparg = oparg;
        add.form = LOAD_GLOBAL_BUILTIN;
        sigil_record *rec = sigil_record_new(&add);
        if (rec == NULL || !replace_record(rt, ts, sc, pc, seen, rec, LOAD_GLOBAL_BUILTIN,
                                           SIGIL_FAM_LOAD_GLOBAL, 1)) {
            return 0;
        }
        sigil_family_bump(ts, SIGIL_FAM_LOAD_GLOBAL, SIGIL_FAMCTR_deopts);
        return 1;
    }
    if (SIGIL_W_OP(seen) != LOAD_GLOBAL_MODULE_KEYS) {
        return 0;
    }
    int index = 0;
    if (sigil_spec_load_global(globals, name, &index) != LOAD_GLOBAL_MODULE) {
        return 0;
    }
    sigil_word desired = sigil_word_make_aux(LOAD_GLOBAL_MODULE, SIGIL_W_NCACHE(seen), oparg,
                                             (uint16_t)index);
    if (!publish_word(rt, ts, sc, pc, seen, desired, SIGIL_FAM_LOAD_GLOBAL, 1)) {
        return 0;
    }
    retire_unpublished(ts, seen);
    sigil_family_bump(ts, SIGIL_FAM_LOAD_GLOBAL, SIGIL_FAMCTR_deopts);
    return 1;
}

/* The immediate form is CPython's own (no cache, so no class change can
 * make it miss): a site that meets more receiver types than a record
 * holds, or whose classes keep changing, keeps it for good instead of
 * cycling between records and the generic path. */
int
sigil_spec_super_demote(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                        sigil_word seen, PyObject *global_super, PyObject *klass)
{
    if (!SIGIL_W_IS_RECORD(seen)) {
        return 0;
    }
    /* read before the retire below: the retire_no_grace fault build frees
     * the record at once */
    uint32_t oparg = sigil_word_oparg(seen);
    if (!(oparg & 1) || sigil_spec_load_super_attr((int)oparg, global_super, klass) !=
                            LOAD_SUPER_ATTR_METHOD) {
        return 0;
    }
    sigil_word desired = sigil_word_make(LOAD_SUPER_ATTR_METHOD, SIGIL_W_NCACHE(seen), oparg);
    if (!publish_word(rt, ts, sc, pc, seen, desired, SIGIL_FAM_LOAD_SUPER_ATTR, 1)) {
        return 0;
    }
    retire_unpublished(ts, seen);
    sigil_family_bump(ts, SIGIL_FAM_LOAD_SUPER_ATTR, SIGIL_FAMCTR_deopts);
    return 1;
}
