/* sigil_spec.c: specialization decisions, publication and deoptimization
 * for the exact-type families (see sigil_spec.h for why these need no cache
 * records, and docs/specializer.md for the full protocol). */
#include "sigil_spec.h"

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

/* -- Choosing a form ------------------------------------------------------ */

int
sigil_spec_binary_op(int oparg, PyObject *lhs, PyObject *rhs)
{
    int add = oparg == NB_ADD || oparg == NB_INPLACE_ADD;
    int sub = oparg == NB_SUBTRACT || oparg == NB_INPLACE_SUBTRACT;
    int mul = oparg == NB_MULTIPLY || oparg == NB_INPLACE_MULTIPLY;
    if (Py_TYPE(lhs) != Py_TYPE(rhs)) {
        return -1;
    }
    if (PyLong_CheckExact(lhs)) {
        return add ? BINARY_OP_ADD_INT : sub ? BINARY_OP_SUBTRACT_INT
             : mul ? BINARY_OP_MULTIPLY_INT : -1;
    }
    if (PyFloat_CheckExact(lhs)) {
        return add ? BINARY_OP_ADD_FLOAT : sub ? BINARY_OP_SUBTRACT_FLOAT
             : mul ? BINARY_OP_MULTIPLY_FLOAT : -1;
    }
    if (PyUnicode_CheckExact(lhs) && add) {
        return BINARY_OP_ADD_UNICODE;
    }
    return -1;
}

int
sigil_spec_compare_op(int oparg, PyObject *lhs, PyObject *rhs)
{
    if (Py_TYPE(lhs) != Py_TYPE(rhs)) {
        return -1;
    }
    if (PyLong_CheckExact(lhs)) {
        return (_PyLong_IsCompact((PyLongObject *)lhs) && _PyLong_IsCompact((PyLongObject *)rhs))
                   ? COMPARE_OP_INT : -1;
    }
    if (PyFloat_CheckExact(lhs)) {
        return COMPARE_OP_FLOAT;
    }
    int op = oparg >> 5;
    if (PyUnicode_CheckExact(lhs) && (op == Py_EQ || op == Py_NE)) {
        return COMPARE_OP_STR;
    }
    return -1;
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
    return -1;
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
    if (!PyUnstable_Type_AssignVersionTag(tp)) {
        return -1;
    }
    unsigned int v = _Py_atomic_load_uint_relaxed(&tp->tp_version_tag);
    int has_len = (tp->tp_as_number != NULL && tp->tp_as_number->nb_bool != NULL) ||
                  (tp->tp_as_mapping != NULL && tp->tp_as_mapping->mp_length != NULL) ||
                  (tp->tp_as_sequence != NULL && tp->tp_as_sequence->sq_length != NULL);
    if (v == 0 || has_len || _Py_atomic_load_uint_relaxed(&tp->tp_version_tag) != v) {
        return -1;
    }
    rec->version = v;
    return TO_BOOL_ALWAYS_TRUE;
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

/* Can `f` run as a plain frame with `nargs` positional arguments (no
 * defaults used, no star parameters, no keyword-only parameters)? Reads the
 * code once; the caller records the version read before it. */
static int
simple_function(PyObject *f, int nargs, uint32_t *version)
{
    if (Py_TYPE(f) != &PyFunction_Type || !cacheable(f)) {
        return 0;
    }
    PyFunctionObject *func = (PyFunctionObject *)f;
    uint32_t fv = _Py_atomic_load_uint32_relaxed(&func->func_version);
    PyCodeObject *code = _Py_atomic_load_ptr_relaxed(&func->func_code);
    int flags = code->co_flags;
    if (fv == 0 || code->co_version != fv || !(flags & CO_OPTIMIZED) ||
        (flags & (CO_VARARGS | CO_VARKEYWORDS)) || code->co_kwonlyargcount != 0 ||
        code->co_argcount != nargs) {
        return 0;
    }
    *version = fv;
    return 1;
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
            return -1;
        }
        rec->index = (uint16_t)d->offset;
        return LOAD_ATTR_SLOT;
    }
    if (Py_TYPE(descr) == &PyProperty_Type) {
        PyObject *fget = ((_PyPropertyObject *)descr)->prop_get;
        uint32_t fv;
        if (fget == NULL || !simple_function(fget, 1, &fv)) {
            return -1;
        }
        rec->version2 = fv;
        rec->obj = fget;
        return LOAD_ATTR_PROPERTY;
    }
    (void)tp;
    return -1;
}

/* The type version around a lookup of `name` on `tp`: the descriptor (new
 * reference or NULL) in *descr and the version it belongs to, or 0. */
static unsigned int
versioned_lookup(PyTypeObject *tp, PyObject *name, PyObject **descr)
{
    *descr = NULL;
    if (!PyUnstable_Type_AssignVersionTag(tp)) {
        return 0;
    }
    unsigned int v = _Py_atomic_load_uint_relaxed(&tp->tp_version_tag);
    *descr = _PyType_LookupRef(tp, name);
    if (v == 0 || _Py_atomic_load_uint_relaxed(&tp->tp_version_tag) != v) {
        return 0;
    }
    return v;
}

int
sigil_spec_load_attr_other(PyObject *owner, PyObject *name, int method, sigil_record *rec)
{
    if (!PyUnicode_CheckExact(name)) {
        return -1;
    }
    PyObject *descr;
    unsigned int v;
    int form = -1;
    if (PyType_CheckExact(owner)) {
        /* A class attribute of a class whose metaclass is `type` (which
         * is immutable): the metaclass does not have the name, so the
         * class's own attribute, a method or plain value, is the answer. */
        PyObject *meta = _PyType_LookupRef(&PyType_Type, name);
        if (meta != NULL) {
            Py_DECREF(meta);
            return -1;
        }
        v = versioned_lookup((PyTypeObject *)owner, name, &descr);
        if (v != 0 && descr != NULL && (plain_class_value(descr) || method_class_value(descr))) {
            rec->version = v;
            rec->obj = descr;
            form = LOAD_ATTR_CLASS;
        }
        Py_XDECREF(descr);
        return form;
    }
    PyTypeObject *tp = Py_TYPE(owner);
    if (tp->tp_getattro != PyObject_GenericGetAttr || (tp->tp_flags & Py_TPFLAGS_INLINE_VALUES) ||
        !_PyType_IsReady(tp)) {
        return -1;
    }
    v = versioned_lookup(tp, name, &descr);
    if (v == 0 || descr == NULL) {
        Py_XDECREF(descr);
        return -1;
    }
    /* Where the instance dict would be: none (tp_dictoffset 0 and no
     * managed dict), a managed dict, or a positive offset. */
    Py_ssize_t dictoffset = (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) ? MANAGED_DICT_OFFSET
                                                                    : tp->tp_dictoffset;
    if (!(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) && dictoffset < 0) {
        Py_DECREF(descr);   /* a dict placed from the end of a varsized object */
        return -1;
    }
    if (!method && (form = spec_data_descr(tp, owner, descr, rec)) >= 0) {
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
    PyObject *descr;
    unsigned int v = versioned_lookup(tp, name, &descr);
    if (v == 0 || descr != NULL) {
        Py_XDECREF(descr);   /* a class attribute: the other forms' case */
        return -1;
    }
    /* The dict is swapped only under the owner's lock; take a reference
     * under it, then look the name up under the dict's own lock. The
     * index is a hint: the form re-checks the key at every use. */
    PyObject *dict;
    Py_BEGIN_CRITICAL_SECTION(owner);
    dict = Py_XNewRef((PyObject *)_PyObject_GetManagedDict(owner));
    Py_END_CRITICAL_SECTION();
    if (dict == NULL) {
        return -1;
    }
    Py_ssize_t ix = -1;
    Py_BEGIN_CRITICAL_SECTION(dict);
    if (PyDict_CheckExact(dict) && ((PyDictObject *)dict)->ma_keys->dk_kind == DICT_KEYS_UNICODE) {
        ix = _PyDict_LookupIndex((PyDictObject *)dict, name);
    }
    Py_END_CRITICAL_SECTION();
    Py_DECREF(dict);
    if (ix < 0 || ix > 0xffff) {
        return -1;
    }
    rec->version = v;
    rec->index = (uint16_t)ix;
    return form;
}

int
sigil_spec_load_attr_hint(PyObject *owner, PyObject *name, sigil_record *rec)
{
    PyTypeObject *tp = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name) || !(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) ||
        tp->tp_getattro != PyObject_GenericGetAttr) {
        return -1;
    }
    return spec_attr_hint(owner, name, rec, LOAD_ATTR_WITH_HINT);
}

int
sigil_spec_store_attr_hint(PyObject *owner, PyObject *name, sigil_record *rec)
{
    PyTypeObject *tp = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name) || !(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) ||
        tp->tp_setattro != PyObject_GenericSetAttr) {
        return -1;
    }
    return spec_attr_hint(owner, name, rec, STORE_ATTR_WITH_HINT);
}

int
sigil_spec_store_attr_slot(PyObject *owner, PyObject *name, sigil_record *rec)
{
    PyTypeObject *tp = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name) || tp->tp_setattro != PyObject_GenericSetAttr) {
        return -1;
    }
    PyObject *descr;
    unsigned int v = versioned_lookup(tp, name, &descr);
    int form = -1;
    if (v != 0 && descr != NULL && Py_TYPE(descr) == &PyMemberDescr_Type) {
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

/* LOAD_ATTR on an instance whose type keeps attributes in inline values
 * (a plain class without __slots__ or a custom __getattribute__). */
int
sigil_spec_load_attr(sigil_runtime *rt, sigil_tstate *ts, PyObject *owner, PyObject *name,
                     int method, sigil_record *rec)
{
    PyTypeObject *tp = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name) || !(tp->tp_flags & Py_TPFLAGS_INLINE_VALUES) ||
        tp->tp_getattro != PyObject_GenericGetAttr) {
        return -1;
    }
    PyDictKeysObject *keys = ((PyHeapTypeObject *)tp)->ht_cached_keys;
    PyDictValues *values = _PyObject_InlineValues(owner);
    if (keys == NULL || !_Py_atomic_load_uint8(&values->valid)) {
        return -1;
    }
    /* The type version names the class attributes: take it, look the name
     * up, and take it again; equal and non-zero means the descriptor found
     * belongs to that version (a class change zeroes the version before it
     * touches the class dict, and versions are never reused). */
    if (!PyUnstable_Type_AssignVersionTag(tp)) {
        return -1;
    }
    unsigned int v = _Py_atomic_load_uint_relaxed(&tp->tp_version_tag);
    PyObject *descr = _PyType_LookupRef(tp, name);
    int form = -1;
    if (v == 0 || _Py_atomic_load_uint_relaxed(&tp->tp_version_tag) != v) {
        goto done;
    }
    /* The name's slot in the shared keys (append-only: an index never
     * changes meaning) and the keys version, under the keys' own lock so
     * that no insertion lands between the two. Versions come from a plain
     * per-interpreter counter that CPython 3.13t never touches (its own
     * specializer is off), so the SiJiL serializes Sigil's increments:
     * a lost increment could hand one version to two key states. Lock
     * order: SiJiL, then keys. */
    Py_ssize_t ix;
    uint32_t kv = 0;
    sigil_sijil_lock(rt, ts);
    PyMutex_LockFlags(&keys->dk_mutex, _Py_LOCK_DONT_DETACH);
    ix = _PyDictKeys_StringLookup(keys, name);
    if (descr != NULL && ix == DKIX_EMPTY) {
        kv = _PyDictKeys_GetVersionForCurrentState(_PyInterpreterState_GET(), keys);
    }
    PyMutex_Unlock(&keys->dk_mutex);
    sigil_sijil_unlock(rt);

    if (descr == NULL) {
        /* Only the instance can have it. */
        if (ix >= 0 && ix < values->capacity && ix <= 0xffff) {
            rec->version = v;
            rec->index = (uint16_t)ix;
            rec->obj = NULL;
            form = LOAD_ATTR_INSTANCE_VALUE;
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
    else if (!method && descr != NULL && (form = spec_data_descr(tp, owner, descr, rec)) >= 0) {
        rec->version = v;
    }
done:
    Py_XDECREF(descr);
    return form;
}

/* Calls of a type: type(x), str(x), tuple(x) with one argument, or any
 * other immutable type with a vectorcall. Immutable types never change
 * their tp_vectorcall, so the type's identity (rec->obj) is the guard. */
static int
spec_call_class(PyTypeObject *tp, int nargs, int self, sigil_record *rec)
{
    if (Py_TYPE(tp) != &PyType_Type || !(tp->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) ||
        !cacheable((PyObject *)tp)) {
        return -1;
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
        return -1;
    }
    rec->obj = (PyObject *)tp;
    return CALL_BUILTIN_CLASS;
}

/* Calls of a method descriptor of a builtin type (`"-".join(x)` after
 * LOAD_ATTR's method form, or `str.upper(s)`): its calling convention is
 * fixed when the descriptor is made. `nargs` counts self. */
static int
spec_call_method_descr(PyObject *callable, int nargs)
{
    PyMethodDef *ml = ((PyMethodDescrObject *)callable)->d_method;
    if (nargs < 1) {
        return -1;
    }
    if (callable == _PyInterpreterState_GET()->callable_cache.list_append && nargs == 2) {
        return CALL_LIST_APPEND;
    }
    switch (ml->ml_flags & SIGIL_METH_CALLCONV) {
    case METH_NOARGS:
        return nargs == 1 ? CALL_METHOD_DESCRIPTOR_NOARGS : -1;
    case METH_O:
        return nargs == 2 ? CALL_METHOD_DESCRIPTOR_O : -1;
    case METH_FASTCALL:
        return CALL_METHOD_DESCRIPTOR_FAST;
    case METH_FASTCALL | METH_KEYWORDS:
        return CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS;
    default:
        return -1;
    }
}

int
sigil_spec_call(PyObject *callable, PyObject *self_or_null, int nargs, sigil_record *rec)
{
    int form = CALL_PY_EXACT_ARGS;
    if (PyType_Check(callable)) {
        return spec_call_class((PyTypeObject *)callable, nargs, self_or_null != NULL, rec);
    }
    if (Py_TYPE(callable) == &PyMethodDescr_Type) {
        return spec_call_method_descr(callable, nargs + (self_or_null != NULL));
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
        return -1;
    }
    if (Py_TYPE(callable) != &PyFunction_Type) {
        return -1;
    }
    PyFunctionObject *func = (PyFunctionObject *)callable;
    /* The version first, then the code: a __code__ (or __defaults__ ...)
     * store zeroes the version before it replaces the code, so a code
     * whose co_version equals the version read is that version's code. */
    uint32_t fv = _Py_atomic_load_uint32_relaxed(&func->func_version);
    PyCodeObject *code = _Py_atomic_load_ptr_relaxed(&func->func_code);
    if (fv == 0 || code->co_version != fv || func->vectorcall != _PyFunction_Vectorcall) {
        return -1;
    }
    int flags = code->co_flags;
    if (!(flags & CO_OPTIMIZED) || (flags & (CO_VARARGS | CO_VARKEYWORDS)) ||
        code->co_kwonlyargcount != 0 || code->co_argcount < nargs) {
        return -1;
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
            return -1;
        }
        form = CALL_PY_WITH_DEFAULTS;
    }
    rec->version = fv;
    rec->obj = (PyObject *)code;   /* deferred-RC: freed only by the GC */
    return form;
}

int
sigil_spec_for_iter(PyObject *iter)
{
    if (Py_TYPE(iter) == &PyRangeIter_Type && sigil_thread_private(iter)) {
        return FOR_ITER_RANGE;
    }
    if (Py_TYPE(iter) == &PyTupleIter_Type && sigil_thread_private(iter)) {
        return FOR_ITER_TUPLE;
    }
    if (Py_TYPE(iter) == &PyListIter_Type) {
        return FOR_ITER_LIST;
    }
    return -1;
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
    return -1;
}

int
sigil_spec_store_attr(PyObject *owner, PyObject *name, sigil_record *rec)
{
    PyTypeObject *tp = Py_TYPE(owner);
    if (!PyUnicode_CheckExact(name) || !(tp->tp_flags & Py_TPFLAGS_INLINE_VALUES) ||
        tp->tp_setattro != PyObject_GenericSetAttr) {
        return -1;
    }
    PyDictKeysObject *keys = ((PyHeapTypeObject *)tp)->ht_cached_keys;
    if (keys == NULL || !PyUnstable_Type_AssignVersionTag(tp)) {
        return -1;
    }
    /* As for LOAD_ATTR: no class attribute of that name at this version. */
    unsigned int v = _Py_atomic_load_uint_relaxed(&tp->tp_version_tag);
    PyObject *descr = _PyType_LookupRef(tp, name);
    int stable = v != 0 && _Py_atomic_load_uint_relaxed(&tp->tp_version_tag) == v;
    Py_XDECREF(descr);
    if (descr != NULL || !stable) {
        return -1;
    }
    PyMutex_LockFlags(&keys->dk_mutex, _Py_LOCK_DONT_DETACH);
    Py_ssize_t ix = _PyDictKeys_StringLookup(keys, name);
    PyMutex_Unlock(&keys->dk_mutex);
    if (ix < 0 || ix >= _PyObject_InlineValues(owner)->capacity) {
        return -1;
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
sigil_spec_binary_subscr(PyObject *container, PyObject *sub)
{
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
    return -1;
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
    return -1;
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
    return -1;
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

int
sigil_spec_load_global(PyObject *globals, PyObject *name, int *index)
{
    if (!PyDict_CheckExact(globals) || !PyUnicode_CheckExact(name)) {
        return -1;
    }
    PyDictObject *d = (PyDictObject *)globals;
    Py_ssize_t ix;
    /* The index is only a hint (the fast path re-checks the entry's key),
     * but the lookup itself must not race a resize: take the dict's lock. */
    Py_BEGIN_CRITICAL_SECTION(d);
    ix = d->ma_keys->dk_kind == DICT_KEYS_UNICODE ? _PyDict_LookupIndex(d, name) : -1;
    Py_END_CRITICAL_SECTION();
    if (ix < 0 || ix > 0xffff) {
        return -1;
    }
    *index = (int)ix;
    return LOAD_GLOBAL_MODULE;
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

int
sigil_spec_load_global_builtin(sigil_runtime *rt, sigil_tstate *ts, PyObject *globals,
                               PyObject *builtins, PyObject *name, sigil_record *rec)
{
    if (!PyDict_CheckExact(globals) || !PyDict_CheckExact(builtins) || !PyUnicode_CheckExact(name)) {
        return -1;
    }
    PyDictObject *g = (PyDictObject *)globals, *b = (PyDictObject *)builtins;
    Py_ssize_t gix = 0, bix = -1;
    uint32_t gv = 0, bv = 0;
    sigil_sijil_lock(rt, ts);
    /* One section over both dicts: the two versions and lookups describe
     * one moment (globals without the name, builtins with it at bix). */
    Py_BEGIN_CRITICAL_SECTION2(g, b);
    if (g->ma_keys->dk_kind == DICT_KEYS_UNICODE && b->ma_keys->dk_kind == DICT_KEYS_UNICODE) {
        gix = _PyDict_LookupIndex(g, name);
        bix = _PyDict_LookupIndex(b, name);
        if (gix == DKIX_EMPTY && bix >= 0 && bix <= 0xffff) {
            gv = dict_keys_version(g);
            bv = dict_keys_version(b);
        }
    }
    Py_END_CRITICAL_SECTION2();
    sigil_sijil_unlock(rt);
    if (gv == 0 || bv == 0) {
        return -1;
    }
    rec->version = gv;
    rec->version2 = bv;
    rec->index = (uint16_t)bix;
    return LOAD_GLOBAL_BUILTIN;
}

int
sigil_spec_load_attr_module(sigil_runtime *rt, sigil_tstate *ts, PyObject *owner, PyObject *name,
                            sigil_record *rec)
{
    if (!PyModule_CheckExact(owner) || !PyUnicode_CheckExact(name)) {
        return -1;
    }
    PyObject *dict = ((PyModuleObject *)owner)->md_dict;
    if (dict == NULL || !PyDict_CheckExact(dict)) {
        return -1;
    }
    PyDictObject *d = (PyDictObject *)dict;
    Py_ssize_t ix = -1;
    uint32_t kv = 0;
    /* A module __getattr__ is consulted only when the name is missing,
     * which the version guard rules out. */
    sigil_sijil_lock(rt, ts);
    Py_BEGIN_CRITICAL_SECTION(d);
    if (d->ma_keys->dk_kind == DICT_KEYS_UNICODE) {
        ix = _PyDict_LookupIndex(d, name);
        if (ix >= 0 && ix <= 0xffff) {
            kv = dict_keys_version(d);
        }
    }
    Py_END_CRITICAL_SECTION();
    sigil_sijil_unlock(rt);
    if (kv == 0) {
        return -1;
    }
    rec->version = kv;
    rec->index = (uint16_t)ix;
    return LOAD_ATTR_MODULE;
}

/* Publish `desired` at pc if the word is still `seen`: 1 on success (the
 * counter then holds the miss budget), 0 if another thread moved it. */
static int
publish(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc, sigil_word seen,
        sigil_word desired, sigil_family fam)
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
    uint16_t c = atomic_load_explicit(&sc->counters[pc], memory_order_relaxed);
    atomic_store_explicit(&sc->counters[pc], (uint16_t)((c & 0xf000) | SIGIL_SPEC_MISS_BUDGET),
                          memory_order_relaxed);
    sigil_stat_bump(ts, SIGIL_STAT_words_published);
    sigil_family_bump(ts, fam, SIGIL_FAMCTR_successes);
    return 1;
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
        sigil_family_bump(ts, fam, SIGIL_FAMCTR_failures);
        backoff(sc, pc);
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
        sigil_family_bump(ts, fam, SIGIL_FAMCTR_failures);
        backoff(sc, pc);
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

void
sigil_spec_deopt(sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc, sigil_word seen,
                 sigil_family fam, int base_op)
{
    sigil_word generic = sigil_word_make(base_op, SIGIL_W_NCACHE(seen), (uint32_t)sigil_word_oparg(seen));
    if (sigil_code_word_cas(sc, pc, seen, generic)) {
        if (SIGIL_W_IS_RECORD(seen)) {
            /* Only the winner of this CAS unpublished the record. */
            sigil_record_retire(sigil_word_record(seen));
            sigil_stat_bump(ts, SIGIL_STAT_records_retired);
        }
        sigil_stat_bump(ts, SIGIL_STAT_words_published);
        sigil_family_bump(ts, fam, SIGIL_FAMCTR_deopts);
        backoff(sc, pc);
    }
    else {
        sigil_stat_bump(ts, SIGIL_STAT_publish_races_lost);
    }
}
