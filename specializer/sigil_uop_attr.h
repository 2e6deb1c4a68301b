/* sigil_uop_attr.h: micro-ops of LOAD_ATTR and STORE_ATTR.
 *
 * The owner is the top of the stack (under the value, for a store). Its
 * type's version pins everything the record says about the class: the
 * class attribute cached borrowed (immortal or deferred-RC, so a
 * replacement cannot free it inside this instruction), the inline-values
 * index, the slot offset, the absence of a class attribute. Versions are
 * read relaxed: every writer zeroes a version before it changes what the
 * version describes, and versions are never reused. What lives on the
 * instance (inline values, slots, the instance dict) changes under other
 * threads at any time: it is read with the atomics CPython's own
 * lock-free readers use (acquire, try-incref, a re-check after), and
 * written only under the object's (or dict's) own lock, taken only if
 * free. Included by sigil_uop.h only.
 */

/* -- Owner guards ------------------------------------------------------------ */

/* (The owner's type version is GUARD_TOS_TYPE_VERSION, sigil_uop_arith.h.) */

/* The owner's inline values are in use: no dict has been materialized
 * (which moves the values out and clears `valid`). */
SIGIL_UOP_BODY(GUARD_TOS_INLINE_VALUES)
{
    UOP_CHECK(_Py_atomic_load_uint8(&_PyObject_InlineValues(E_TOP())->valid));
    return SIGIL_UOP_OK;
}

/* The type's shared keys still have the version recorded when the name
 * was not among them: adding the name to the keys (an instance attribute
 * that would shadow the class attribute) zeroes that version. */
SIGIL_UOP_BODY(GUARD_SHARED_KEYS_VERSION)
{
    PyDictKeysObject *keys = ((PyHeapTypeObject *)Py_TYPE(E_TOP()))->ht_cached_keys;
    UOP_CHECK(_Py_atomic_load_uint32_relaxed(&keys->dk_version) == e->rec->version2);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_TOS_MANAGED_DICT)
{
    UOP_CHECK(Py_TYPE(E_TOP())->tp_flags & Py_TPFLAGS_MANAGED_DICT);
    return SIGIL_UOP_OK;
}

/* No instance dict yet (acquire load of the dict pointer, which CPython
 * publishes with release): without a dict nothing shadows the method. A
 * dict created right after the check is a store that happened after this
 * load. The record's index is the dict's offset, biased to fit 16 bits. */
SIGIL_UOP_BODY(GUARD_TOS_NO_DICT)
{
    UOP_CHECK(_Py_atomic_load_ptr_acquire(
                  (PyObject **)((char *)E_TOP() + MANAGED_DICT_OFFSET + e->rec->index)) == NULL);
    return SIGIL_UOP_OK;
}

/* The owner is a class whose metaclass is exactly `type` (immutable, and
 * without the name: no metaclass attribute can take precedence). */
SIGIL_UOP_BODY(GUARD_TOS_PLAIN_CLASS)
{
    UOP_CHECK(Py_TYPE(E_TOP()) == &PyType_Type);
    return SIGIL_UOP_OK;
}

/* The class's own version: versions belong to one type and are never
 * reused, and any change of the class's attributes zeroes it first. (In
 * LOAD_ATTR_CLASS_WITH_METACLASS_CHECK the metaclass guard before it has
 * proved the owner a class.) */
SIGIL_UOP_BODY(GUARD_TOS_CLASS_VERSION)
{
    return sigil_uop_type_version(e, (PyTypeObject *)E_TOP());
}

/* The owner's metaclass (a type other than `type`, which is mutable) has
 * the version recorded when it had no data descriptor of the name, its
 * own attribute of the name (if any) was of an immutable type without
 * __set__, and its attribute lookup was type's own. The race it closes:
 * another thread gives the metaclass a data descriptor of the name, or a
 * __getattribute__ / __getattr__, which takes precedence over the class
 * attribute the record caches; the store zeroes the metaclass's version
 * (type_setattro, under the type lock, before the dict and the slots
 * change), so from then on this guard misses. A change of the owner's
 * metaclass (`C.__class__ = M2`) meets another type's version. The
 * version names one type, a subclass of `type`: the owner is a class, so
 * GUARD_TOS_CLASS_VERSION may read it as one. Relaxed, as every type
 * version read (see the file comment); the snapshot keeps the metaclass
 * until the class's guard replaces it. */
SIGIL_UOP_BODY(GUARD_TOS_METACLASS_VERSION)
{
    PyTypeObject *meta = Py_TYPE(E_TOP());
    uint32_t v = _Py_atomic_load_uint_relaxed(&meta->tp_version_tag);
    UOP_CHECK(v == e->rec->version2);
    e->snap.obj = meta;
    e->snap.version = v;
    return SIGIL_UOP_OK;
}

/* A polymorphic record's selector: the entry whose type version the
 * owner's type carries now. The version is read once, relaxed, as every
 * type-version read here; entries hold distinct non-zero versions, and a
 * version names one type in one state, so at most one entry matches. The
 * chosen entry's form then runs from its first step, the same guard on
 * the same version, exactly as it would alone: the selector only saves
 * the other entries' guards, it proves nothing by itself. */
SIGIL_UOP_BODY(SELECT_TYPE_ENTRY)
{
    uint32_t v = _Py_atomic_load_uint_relaxed(&Py_TYPE(E_TOP())->tp_version_tag);
    return sigil_uop_select_entry(e, v);
}

/* The same for class attributes: the entry whose version the owner class
 * itself carries. PyType_Check reads a flag of the owner's metaclass that
 * no class change alters; the entry's form then runs its own metaclass
 * and class guards. */
SIGIL_UOP_BODY(SELECT_CLASS_ENTRY)
{
    PyObject *owner = E_TOP();
    UOP_CHECK(PyType_Check(owner));
    uint32_t v = _Py_atomic_load_uint_relaxed(&((PyTypeObject *)owner)->tp_version_tag);
    return sigil_uop_select_entry(e, v);
}

/* -- Inline values and slots ------------------------------------------------- */

/* The value at rec->index of the owner's inline values, read as CPython's
 * own lock-free instance lookup reads it (acquire, then an increment that
 * succeeds only if the slot still holds that object); `valid` is
 * re-checked after it, so a value moved out by a concurrent dict
 * materialization is never returned (on that miss the dispatcher releases
 * the reference taken). */
SIGIL_UOP_BODY(LOAD_INSTANCE_VALUE)
{
    PyDictValues *values = _PyObject_InlineValues(E_TOP());
    PyObject **slot = &values->values[e->rec->index];
    PyObject *attr = _Py_atomic_load_ptr_acquire(slot);
    UOP_CHECK(attr != NULL && _Py_TryIncrefCompare(slot, attr));
    e->tmp = attr;
    UOP_CHECK(_Py_atomic_load_uint8(&values->valid));
    return SIGIL_UOP_OK;
}

/* The object slot at offset rec->index (a type's slots never move; a
 * class change of the descriptor zeroes the version). The slot may be
 * written or cleared concurrently: it is read as CPython's own member_get
 * reads it (acquire, then an increment that succeeds only if the slot
 * still holds that object); an empty slot or a failed increment is a
 * miss, and the generic path raises or takes the object's lock. */
SIGIL_UOP_BODY(LOAD_SLOT)
{
    PyObject **addr = (PyObject **)((char *)E_TOP() + e->rec->index);
    PyObject *attr = _Py_atomic_load_ptr_acquire(addr);
    UOP_CHECK(attr != NULL && _Py_TryIncrefCompare(addr, attr));
    e->tmp = attr;
    return SIGIL_UOP_OK;
}

/* -- Module attributes ------------------------------------------------------- */

/* A module's dict, set when the module is made and cleared only when it
 * is unreachable (never while the stack holds it), so each step may read
 * the pointer again. */
static inline __attribute__((always_inline)) PyObject *
uop_module_dict(PyObject *owner)
{
    return ((PyModuleObject *)owner)->md_dict;
}

SIGIL_UOP_BODY(GUARD_TOS_MODULE)
{
    UOP_CHECK(PyModule_CheckExact(E_TOP()));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_MODULE_DICT_LOCKFREE)
{
    PyObject *dict = uop_module_dict(E_TOP());
    UOP_CHECK(dict != NULL && sigil_uop_lockfree_dict(dict));
    return SIGIL_UOP_OK;
}

/* The module-dict entry at rec->index still holds the name and a value,
 * read as a global is (sigil_uop_module_entry_ref). No keys version, so
 * other names added to or deleted from the module (setattr and delattr
 * from any thread) no longer make every `module.attr` site of the program
 * miss and re-specialize. A module __getattr__ is consulted only for a
 * missing name. */
SIGIL_UOP_BODY(LOAD_MODULE_ENTRY)
{
    e->tmp = sigil_uop_module_entry_ref((PyDictObject *)uop_module_dict(E_TOP()), e->rec->index,
                                        E_NAME(e->oparg >> 1), &e->quiet);
    UOP_CHECK(e->tmp != NULL);
    return SIGIL_UOP_OK;
}

/* -- Instance dicts ---------------------------------------------------------- */

/* The owner's instance dict, into e->tmp. The dict may be replaced
 * (`o.__dict__ = ...`) and freed by another thread, so it is taken with a
 * try-incref on the owner's dict slot (stock 3.13t increfs it
 * unconditionally, gh-149816); a store into a dict just replaced is a
 * store that happened before the replacement. */
SIGIL_UOP_BODY(LOAD_MANAGED_DICT)
{
    e->tmp = _Py_TryXGetRef((PyObject **)&_PyObject_ManagedDictPointer(E_TOP())->dict);
    UOP_CHECK(e->tmp != NULL);
    return SIGIL_UOP_OK;
}

/* The loaded dict's keys are read as in LOAD_GLOBAL_MODULE: acquire, and
 * only while the dict is one this thread may read lock-free (shared dicts
 * free replaced keys only after a grace period). */
SIGIL_UOP_BODY(GUARD_DICT_LOCKFREE)
{
    UOP_CHECK(sigil_uop_lockfree_dict(e->tmp));
    return SIGIL_UOP_OK;
}

/* The store locks the dict's own mutex, whose layout checks need an exact
 * dict. */
SIGIL_UOP_BODY(GUARD_DICT_EXACT)
{
    UOP_CHECK(PyDict_CheckExact(e->tmp));
    return SIGIL_UOP_OK;
}

/* The loaded dict's entry rec->index (a hint) still holds the name: the
 * keys object is read once, the hint bound-checked against it, and the
 * entry read by sigil_uop_dict_entry_ref, which checks the key and takes
 * the value with a try-incref. The value replaces the dict in e->tmp. Any
 * failure is a miss to the generic lookup. */
SIGIL_UOP_BODY(LOAD_HINT_ENTRY)
{
    PyDictObject *d = (PyDictObject *)e->tmp;
    PyDictKeysObject *keys = _Py_atomic_load_ptr_acquire(&d->ma_keys);
    PyObject *attr = NULL;
    if (keys->dk_kind == DICT_KEYS_UNICODE &&
        e->rec->index < _Py_atomic_load_ssize_relaxed(&keys->dk_nentries)) {
        attr = sigil_uop_dict_entry_ref(d, keys, e->rec->index, E_NAME(e->oparg >> 1));
    }
    Py_DECREF(d);
    e->tmp = attr;
    UOP_CHECK(attr != NULL);
    return SIGIL_UOP_OK;
}

/* -- Getters ----------------------------------------------------------------- */

/* The record's function (a property's getter, a class's __getitem__ or
 * __getattribute__; cached borrowed, deferred-RC) still has the recorded
 * version. It runs after the guard of the type that holds the function:
 * only that guard proves the borrowed pointer still names a live
 * function (the type referred to it during this instruction, and no
 * stop-the-world collection can free it before the instruction ends).
 * Its code is read once, between two version checks: a __code__ store
 * zeroes the version before it swaps the code, so the code passed on
 * (e->code) is the one the version names (a simple function of the
 * form's argument count), never one code's frame size with another's
 * body. */
SIGIL_UOP_BODY(GUARD_GETTER_VERSION)
{
    PyFunctionObject *fget = (PyFunctionObject *)e->rec->obj;
    UOP_CHECK(_Py_atomic_load_uint32_relaxed(&fget->func_version) == e->rec->version2);
    PyCodeObject *code = _Py_atomic_load_ptr_acquire(&fget->func_code);
    UOP_CHECK(_Py_atomic_load_uint32_relaxed(&fget->func_version) == e->rec->version2);
    e->code = code;
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_GETTER_STACK_SPACE)
{
    UOP_CHECK(_PyThreadState_HasStackSpace(e->tstate, e->code->co_framesize));
    return SIGIL_UOP_OK;
}

/* -- classmethod and staticmethod -------------------------------------------- */

/* The callable that the record's classmethod or staticmethod wraps (its
 * `__func__` slot, at the offset rec->index >> 1), with a new reference,
 * as the descriptor's own __get__ reads it. The descriptor is alive: it
 * is deferred-RC (the chooser made it so), so even if another thread has
 * replaced the class attribute since the guard, only a stop-the-world GC
 * could free it, and none starts inside this instruction. The slot is
 * written only by classmethod.__init__ / staticmethod.__init__ run again
 * on a live descriptor (a plain store in CPython, which its own __get__
 * reads without synchronization too) and cleared by the GC with the world
 * stopped; the load is relaxed: it orders nothing, the callable it finds
 * is a published object either way. Cleared (NULL) is a miss, and the
 * generic instruction raises CPython's RuntimeError. */
SIGIL_UOP_BODY(LOAD_WRAPPED_CALLABLE)
{
    PyObject **slot = (PyObject **)((char *)e->rec->obj + (e->rec->index >> 1));
    PyObject *callable = _Py_atomic_load_ptr_relaxed(slot);
    UOP_CHECK(callable != NULL);
    e->tmp = Py_NewRef(callable);
    return SIGIL_UOP_OK;
}

/* Replace the owner by the loaded callable. A staticmethod's callable is
 * the attribute itself (NULL follows for a call). A classmethod is loaded
 * only for a call: instead of the bound method its __get__ would make
 * (callable bound to `cls`), the callable and `cls` go on the stack as a
 * method and its self, which CALL runs exactly as it would run the bound
 * method. The instance form's `cls` is the owner's type, as in
 * _PyObject_GetMethod; the class form's is the owner itself, as in
 * type_getattro (whose __get__ gets no instance). */
static inline __attribute__((always_inline)) int
uop_push_wrapped(sigil_uop_env *e, int owner_is_cls)
{
    PyObject *owner = E_TOP();
    E_TOP() = e->tmp;
    e->tmp = NULL;
    if (e->rec->index & 1) {
        assert(e->oparg & 1);
        if (owner_is_cls) {
            *e->sp++ = owner;   /* self: ownership moves to the new slot */
            return SIGIL_UOP_OK;
        }
        *e->sp++ = Py_NewRef((PyObject *)Py_TYPE(owner));
    }
    else if (e->oparg & 1) {
        *e->sp++ = NULL;
    }
    Py_DECREF(owner);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(PUSH_WRAPPED) { return uop_push_wrapped(e, 0); }
SIGIL_UOP_BODY(PUSH_CLASS_WRAPPED) { return uop_push_wrapped(e, 1); }

/* -- Stores ------------------------------------------------------------------ */

/* May releasing a reference to `o` run code? Not when it cannot be the
 * last reference (immortal, or this thread's own with more than one
 * local count; an object of another thread may be merged and freed here
 * when its owner has exited), nor when the object's deallocation runs
 * none (an exact int, float or str: no finalizer, no weak references, no
 * items). */
static inline __attribute__((always_inline)) int
uop_release_is_quiet(PyObject *o)
{
    return _Py_IsImmortal(o) || PyLong_CheckExact(o) || PyFloat_CheckExact(o) ||
           PyUnicode_CheckExact(o) || (_Py_IsOwnedByCurrentThread(o) && o->ob_ref_local > 1);
}

/* Release a store's old value, the store's last act. A borrowed owner
 * (env->borrow) must outlive what that release runs, as the stack's
 * reference makes it outlive it under the stock loop: were a finalizer to
 * rebind the local that holds the owner, the owner would otherwise die
 * inside the finalizer instead of after the instruction. So when the
 * release may run code, the owner first gets the reference the stack
 * would have held (it is alive: the local holds it, and no code has run
 * since the LOAD_FAST), and POP_STORE_ATTR drops it as the ordinary copy
 * does. */
static inline __attribute__((always_inline)) void
uop_store_release_old(sigil_uop_env *e, PyObject *owner, PyObject *old)
{
    if (old == NULL) {
        return;
    }
    if (e->borrow && !uop_release_is_quiet(old)) {
        Py_INCREF(owner);
        e->borrow = 0;
    }
    sigil_uop_release(e, old);
}

/* The value (second on the stack) into inline slot rec->index, under the
 * object's own lock, taken only if free (contention is a miss, the fast
 * path never waits): it is the lock CPython's critical sections on this
 * object use, so no dict can be materialized and no other store can run
 * while we check and write, as in CPython's locked store_instance_attr
 * path. Under it: no dict, inline values valid, and the type version
 * still the snapshot's (the name is no class attribute and has slot
 * rec->index). The slot is written with release for lock-free readers;
 * the value's reference moves into it, the old value is released after
 * unlocking. */
SIGIL_UOP_BODY(STORE_INSTANCE_VALUE)
{
    PyObject *owner = E_TOP();
    /* Fault store_attr_no_lock: check once, then write with no lock and
     * no revalidation, so another store or a deletion of the same slot
     * can interleave (both release the same old value), and a layout
     * change between check and write goes unseen. */
    const int locked = !SIGIL_FAULT(store_attr_no_lock);
    UOP_CHECK(!locked || PyMutex_LockFast(&owner->ob_mutex._bits));
    PyDictValues *values = _PyObject_InlineValues(owner);
    if (_PyObject_GetManagedDict(owner) != NULL || !_Py_atomic_load_uint8(&values->valid) ||
        (locked && _Py_atomic_load_uint_relaxed(&((PyTypeObject *)e->snap.obj)->tp_version_tag) !=
                       e->snap.version)) {
        if (locked) {
            PyMutex_Unlock(&owner->ob_mutex);
        }
        return SIGIL_UOP_MISS;
    }
    Py_ssize_t ix = e->rec->index;
    PyObject *old = values->values[ix];
    _Py_atomic_store_ptr_release(&values->values[ix], E_PEEK(2));   /* takes the value's reference */
    if (old == NULL) {
        _PyDictValues_AddToInsertionOrder(values, ix);
    }
    if (locked) {
        PyMutex_Unlock(&owner->ob_mutex);
    }
    uop_store_release_old(e, owner, old);
    return SIGIL_UOP_OK;
}

/* The value into the object slot at offset rec->index. Two stores, or a
 * store racing a delete, must not both take the old value: the swap runs
 * under the object's own lock (the one CPython's member setter takes),
 * acquired only if free (contention is a miss); the new value is stored
 * with release for lock-free readers, and the old one released after
 * unlocking. Nothing of the snapshot is re-read under the lock: the type
 * version is not guarded by it (type writers never take it), the slot's
 * offset is fixed for the type, and a __class__ assignment stops the
 * world, so it cannot fall between the guard and the store. */
SIGIL_UOP_BODY(STORE_SLOT)
{
    PyObject *owner = E_TOP();
    UOP_CHECK(PyMutex_LockFast(&owner->ob_mutex._bits));
    PyObject **addr = (PyObject **)((char *)owner + e->rec->index);
    PyObject *old = *addr;
    _Py_atomic_store_ptr_release(addr, E_PEEK(2));   /* takes the value's reference */
    PyMutex_Unlock(&owner->ob_mutex);
    uop_store_release_old(e, owner, old);
    return SIGIL_UOP_OK;
}

/* The value into the loaded instance dict (e->tmp), under the dict's own
 * lock (taken only if free; contention is a miss). Under it, in place of
 * a version: the dict is combined-unicode, the hint is inside its entries
 * and its entry holds the name with a value, so the store replaces an
 * existing value, as dict's own insert does for a present key (value
 * stored with release for lock-free readers, PEP 509 version bumped, GC
 * tracking kept). The type version is not re-read: the dict's lock does
 * not guard it. A watched dict is a miss: its callbacks must not run
 * under a raw lock. The old value is released after unlocking (its
 * __del__ may touch the dict), then the dict. */
SIGIL_UOP_BODY(STORE_HINT_ENTRY)
{
    PyObject *dict = e->tmp;
    UOP_CHECK(PyMutex_LockFast(&dict->ob_mutex._bits));
    PyDictObject *d = (PyDictObject *)dict;
    PyDictKeysObject *keys = d->ma_keys;
    PyObject *name = E_NAME(e->oparg);
    PyDictUnicodeEntry *ep = NULL;
    if ((d->ma_version_tag & DICT_WATCHER_MASK) == 0 && keys->dk_kind == DICT_KEYS_UNICODE &&
        d->ma_values == NULL && e->rec->index < keys->dk_nentries) {
        ep = &DK_UNICODE_ENTRIES(keys)[e->rec->index];
        if (ep->me_key != name || ep->me_value == NULL) {
            ep = NULL;
        }
    }
    if (ep == NULL) {
        PyMutex_Unlock(&dict->ob_mutex);
        return SIGIL_UOP_MISS;
    }
    PyObject *v = E_PEEK(2);
    uint64_t nv = _PyDict_NotifyEvent(e->tstate->interp, PyDict_EVENT_MODIFIED, d, name, v);
    PyObject *old = ep->me_value;
    _Py_atomic_store_ptr_release(&ep->me_value, v);   /* takes v's reference */
    if (!_PyObject_GC_IS_TRACKED(dict) && _PyObject_GC_MAY_BE_TRACKED(v)) {
        _PyObject_GC_TRACK(dict);
    }
    d->ma_version_tag = nv;
    PyMutex_Unlock(&dict->ob_mutex);
    (void)sigil_drop(old);
    Py_DECREF(dict);
    e->tmp = NULL;
    return SIGIL_UOP_OK;
}

/* -- Results ----------------------------------------------------------------- */

/* Release a consumed owner (not a borrowed one, which the local keeps). */
static inline __attribute__((always_inline)) void
uop_release_owner(sigil_uop_env *e)
{
    if (!e->borrow) {
        sigil_uop_release(e, E_TOP());
    }
}

/* Replace the owner by the loaded value; push NULL for a call. */
SIGIL_UOP_BODY(PUSH_ATTR)
{
    uop_release_owner(e);
    E_TOP() = e->tmp;
    e->tmp = NULL;
    if (e->oparg & 1) {
        *e->sp++ = NULL;
    }
    return SIGIL_UOP_OK;
}

/* Replace the owner by the record's cached class value (borrowed, pinned
 * by the guards; see the file comment); push NULL for a call. */
SIGIL_UOP_BODY(PUSH_CLASS_ATTR)
{
    uop_release_owner(e);
    E_TOP() = Py_NewRef(e->rec->obj);
    if (e->oparg & 1) {
        *e->sp++ = NULL;
    }
    return SIGIL_UOP_OK;
}

/* The record's cached method (borrowed, deferred-RC: even if another
 * thread replaces the class attribute right after the guard, only a
 * stop-the-world GC could free it, and none can start before this
 * instruction has taken its own reference), then the owner as self (a
 * borrowed owner gets its reference here: the call consumes self). */
SIGIL_UOP_BODY(PUSH_METHOD)
{
    PyObject *owner = E_TOP();
    E_TOP() = Py_NewRef(e->rec->obj);
    *e->sp++ = e->borrow ? Py_NewRef(owner) : owner;   /* else ownership moves to the new slot */
    return SIGIL_UOP_OK;
}

/* The getter runs as an inlined frame of the code GUARD_GETTER_VERSION
 * validated, with the owner as its argument. */
SIGIL_UOP_BODY(PUSH_GETTER_FRAME)
{
    return sigil_uop_push_record_frame(e, 1);
}

/* owner.name through the class's Python __getattribute__, run as an
 * inlined frame of the code GUARD_GETTER_VERSION validated, with the
 * owner and the name as its two arguments: what the slot CPython installs
 * for it (slot_tp_getattro) calls when the class has no __getattr__, as
 * the type version guarantees (adding one zeroes it), so an exception the
 * function raises, AttributeError included, propagates as it would
 * there. The owner's reference moves into the frame; the name comes from
 * co_names (an interned str, kept alive by the code object) and gets its
 * own reference. It is stored straight into the new frame rather than
 * pushed first: LOAD_ATTR's stack effect leaves no slot for it. */
SIGIL_UOP_BODY(PUSH_GETATTRIBUTE_FRAME)
{
    int rc = sigil_uop_push_record_frame(e, 1);
    e->callee->localsplus[1] = Py_NewRef(E_NAME(e->oparg >> 1));
    return rc;
}

/* Drop the owner of a store (the value's reference went to the object).
 * A borrowed owner is not read: the store gave it a reference (and
 * cleared env->borrow) before any release that could run code. */
SIGIL_UOP_BODY(POP_STORE_ATTR)
{
    uop_release_owner(e);
    e->sp -= 2;
    return SIGIL_UOP_OK;
}
