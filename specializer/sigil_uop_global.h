/* sigil_uop_global.h: micro-ops of LOAD_GLOBAL and LOAD_SUPER_ATTR.
 *
 * Globals and builtins are dicts that other threads insert into, delete
 * from and resize. Their keys objects are read with acquire (CPython
 * publishes new keys with release) and only while the dict is one this
 * thread may read lock-free (sigil_uop_lockfree_dict), so keys replaced
 * meanwhile stay readable for the rest of the instruction; an entry's value
 * is taken with a try-incref and the keys pointer re-checked after it
 * (sigil_uop_dict_entry_ref). Included by sigil_uop.h only.
 */

SIGIL_UOP_BODY(GUARD_GLOBALS_LOCKFREE)
{
    UOP_CHECK(sigil_uop_lockfree_dict(e->frame->f_globals));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_BUILTINS_LOCKFREE)
{
    UOP_CHECK(sigil_uop_lockfree_dict(e->frame->f_builtins));
    return SIGIL_UOP_OK;
}

/* The globals' keys version recorded when the name was absent: any
 * insertion or deletion zeroes a keys version, and a resize installs new
 * keys without one, so an equal version means the name is still absent. */
SIGIL_UOP_BODY(GUARD_GLOBALS_KEYS_VERSION)
{
    PyDictKeysObject *gk = _Py_atomic_load_ptr_acquire(&((PyDictObject *)e->frame->f_globals)->ma_keys);
    /* Fault global_skip_keys_guard: without the globals' version a global
     * that now shadows the builtin is missed. */
    UOP_CHECK(SIGIL_FAULT(global_skip_keys_guard) ||
              _Py_atomic_load_uint32_relaxed(&gk->dk_version) == e->rec->version);
    return SIGIL_UOP_OK;
}

/* The builtins' keys version, whose entry at rec->index then holds the
 * name. The snapshot keeps the keys object it validated: the entry is read
 * from those keys, and LOAD_BUILTINS_ENTRY's re-check of ma_keys tells
 * whether they are still the dict's. */
SIGIL_UOP_BODY(GUARD_BUILTINS_KEYS_VERSION)
{
    PyDictKeysObject *bk = _Py_atomic_load_ptr_acquire(&((PyDictObject *)e->frame->f_builtins)->ma_keys);
    uint32_t v = _Py_atomic_load_uint32_relaxed(&bk->dk_version);
    UOP_CHECK(v == e->rec->version2);
    e->snap.obj = bk;
    e->snap.version = v;
    return SIGIL_UOP_OK;
}

/* The globals entry at the word's index (its aux immediate) still holds
 * this name and a value: the keys object is read once and the index
 * checked against its entry count before the entry is read. */
SIGIL_UOP_BODY(LOAD_GLOBALS_ENTRY)
{
    PyDictObject *d = (PyDictObject *)e->frame->f_globals;
    PyDictKeysObject *keys = _Py_atomic_load_ptr_acquire(&d->ma_keys);
    int ix = SIGIL_W_AUX(e->word);
    UOP_CHECK(keys->dk_kind == DICT_KEYS_UNICODE && ix < _Py_atomic_load_ssize_relaxed(&keys->dk_nentries));
    e->tmp = sigil_uop_dict_entry_ref(d, keys, ix, E_NAME(e->oparg >> 1));
    UOP_CHECK(e->tmp != NULL);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(LOAD_BUILTINS_ENTRY)
{
    e->tmp = sigil_uop_dict_entry_ref((PyDictObject *)e->frame->f_builtins,
                                      (PyDictKeysObject *)e->snap.obj, e->rec->index,
                                      E_NAME(e->oparg >> 1));
    UOP_CHECK(e->tmp != NULL);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(PUSH_GLOBAL)
{
    *e->sp++ = e->tmp;
    e->tmp = NULL;
    if (e->oparg & 1) {
        *e->sp++ = NULL;
    }
    return SIGIL_UOP_OK;
}

/* -- LOAD_SUPER_ATTR --------------------------------------------------------
 * The guards check the identity of the super callable and the type of the
 * class operand, both values on this thread's stack: a global `super`
 * rebound or a __class__ cell swapped by another thread changes what the
 * next execution pushes, never what this one checked. Nothing is cached;
 * the lookup is CPython's own (_PySuper_Lookup, the MRO walk super() does,
 * with its thread-safe type cache), without building the super object. */

SIGIL_UOP_BODY(GUARD_BUILTIN_SUPER)
{
    UOP_CHECK(E_PEEK(3) == (PyObject *)&PySuper_Type);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_SUPER_CLASS_TYPE)
{
    UOP_CHECK(PyType_Check(E_PEEK(2)));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(SUPER_LOAD_ATTR)
{
    PyObject *klass = E_PEEK(2), *self = E_PEEK(1);
    PyObject *attr = _PySuper_Lookup((PyTypeObject *)klass, self, E_NAME(e->oparg >> 2), NULL);
    Py_DECREF(E_PEEK(3));   /* the builtin super: immortal */
    Py_DECREF(klass);
    Py_DECREF(self);
    e->sp -= 3;
    if (attr == NULL) {
        return SIGIL_UOP_ERROR;
    }
    *e->sp++ = attr;
    return SIGIL_UOP_OK;
}

/* As LOAD_ATTR's method load: when the name is a plain function found on
 * the MRO (and self's type looks attributes up generically), leave the
 * function and self for CALL instead of a bound method. */
SIGIL_UOP_BODY(SUPER_LOAD_METHOD)
{
    PyObject *klass = E_PEEK(2), *self = E_PEEK(1);
    int method_found = 0;
    PyObject *attr = _PySuper_Lookup((PyTypeObject *)klass, self, E_NAME(e->oparg >> 2),
                                     Py_TYPE(self)->tp_getattro == PyObject_GenericGetAttr
                                         ? &method_found : NULL);
    Py_DECREF(E_PEEK(3));
    Py_DECREF(klass);
    e->sp -= 3;
    if (attr == NULL) {
        Py_DECREF(self);
        return SIGIL_UOP_ERROR;
    }
    if (!method_found) {
        Py_DECREF(self);
        self = NULL;
    }
    *e->sp++ = attr;
    *e->sp++ = self;
    return SIGIL_UOP_OK;
}
