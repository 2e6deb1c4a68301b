/* sigil_uop_global.h: micro-ops of LOAD_GLOBAL, LOAD_SUPER_ATTR, SEND and
 * FOR_ITER_GEN.
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
    UOP_CHECK(_Py_atomic_load_uint32_relaxed(&gk->dk_version) == e->rec->version);
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
    e->tmp = sigil_uop_module_entry_ref((PyDictObject *)e->frame->f_globals, SIGIL_W_AUX(e->word),
                                        E_NAME(e->oparg >> 1), &e->quiet);
    UOP_CHECK(e->tmp != NULL);
    return SIGIL_UOP_OK;
}

/* LOAD_GLOBAL_MODULE_KEYS: the globals' keys object still carries the
 * version the chooser assigned it when the name's entry was found, so it
 * is that keys object (a version names one keys object: CPython's counter
 * only grows, and a new keys object starts without one), whose layout
 * never changes, and the entry still holds the name (every insertion or
 * deletion zeroes the version first, and a deleted entry is never reused
 * for another key). The record gives the entry's value slot as an offset
 * into the keys object, so neither the name nor the entry count is read.
 * The version is read relaxed, as GUARD_GLOBALS_KEYS_VERSION reads it
 * (CPython 3.13t writes it plainly, under the dict's lock): a version seen
 * before a concurrent change only means the value is taken from the keys
 * the change is about to modify, which the try-incref of the slot and the
 * keys re-check make linearizable (sigil_uop_dict_slot_ref). A miss
 * demotes the site to LOAD_GLOBAL_MODULE (sigil_spec_global_demote), whose
 * index-and-name check survives keys changes. */
SIGIL_UOP_BODY(LOAD_GLOBALS_KEYED)
{
    PyDictObject *g = (PyDictObject *)e->frame->f_globals;
    PyDictKeysObject *keys = _Py_atomic_load_ptr_acquire(&g->ma_keys);
    UOP_CHECK(_Py_atomic_load_uint32_relaxed(&keys->dk_version) == e->rec->version);
    e->tmp = sigil_uop_dict_slot_ref(g, keys, (PyObject **)((char *)keys + e->rec->version2));
    UOP_CHECK(e->tmp != NULL);
    sigil_uop_value_loaded(&e->quiet, e->tmp);
    return SIGIL_UOP_OK;
}

/* The frame's globals are the dict the record was made for, and the world
 * version has not moved since: that dict has gained no name that could
 * hide this builtin (runtime/sigil_world.c). The dict is compared by
 * address only, never read: its death bumps the version, so a new dict at
 * the same address cannot match. Relaxed load: the world version vouches
 * for nothing this thread reads afterwards (the builtins entry is checked
 * on its own), and sigil_world.c explains why a thread that can know of a
 * shadowing insertion loads the bumped value. The record holds the 64-bit
 * version split in two, low half first. */
SIGIL_UOP_BODY(GUARD_WORLD_VERSION)
{
    UOP_CHECK(e->frame->f_globals == e->rec->key);
    /* Fault global_skip_world_guard: without the world version a global
     * that now shadows the builtin is missed. */
    UOP_CHECK(SIGIL_FAULT(global_skip_world_guard) ||
              sigil_uop_world_holds(e->ts, e->frame->f_globals, e->rec));
    return SIGIL_UOP_OK;
}

/* The builtins entry at rec->index still holds the name and a value
 * (sigil_uop_module_entry_ref, as for a global): no keys version, so
 * builtins resized or changed elsewhere do not make the site miss. */
SIGIL_UOP_BODY(LOAD_BUILTINS_NAMED)
{
    e->tmp = sigil_uop_module_entry_ref((PyDictObject *)e->frame->f_builtins, e->rec->index,
                                        E_NAME(e->oparg >> 1), &e->quiet);
    UOP_CHECK(e->tmp != NULL);
    return SIGIL_UOP_OK;
}

/* LOAD_GLOBAL_BUILTIN_KEYED: the builtins entry found as
 * LOAD_GLOBALS_KEYED finds a global's (the builtins' keys version and the
 * record's value-slot offset), after the world version has vouched for
 * the name's absence from the globals. A miss demotes the site to
 * LOAD_GLOBAL_BUILTIN. */
SIGIL_UOP_BODY(LOAD_BUILTINS_KEYED)
{
    PyDictObject *b = (PyDictObject *)e->frame->f_builtins;
    PyDictKeysObject *keys = _Py_atomic_load_ptr_acquire(&b->ma_keys);
    UOP_CHECK(_Py_atomic_load_uint32_relaxed(&keys->dk_version) == e->rec->keys_version);
    e->tmp = sigil_uop_dict_slot_ref(b, keys, (PyObject **)((char *)keys + e->rec->slot_offset));
    UOP_CHECK(e->tmp != NULL);
    sigil_uop_value_loaded(&e->quiet, e->tmp);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(LOAD_BUILTINS_ENTRY)
{
    e->tmp = sigil_uop_dict_entry_ref((PyDictObject *)e->frame->f_builtins,
                                      (PyDictKeysObject *)e->snap.obj, e->rec->index,
                                      E_NAME(e->oparg >> 1));
    UOP_CHECK(e->tmp != NULL);
    sigil_uop_value_loaded(&e->quiet, e->tmp);
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

/* LOAD_GLOBAL_PINNED: a reference to the record's value (rec->obj), which
 * the globals dict still holds while the world version is the recorded
 * one. The check and the increment run inside this thread's pin window
 * (sigil_pin_enter/leave, runtime/sigil_world.c "Pinned globals"): the
 * watcher that unpins a global bumps the version and then waits for every
 * window open at the time to close before the dict may drop the value. */
SIGIL_UOP_BODY(LOAD_PINNED_GLOBAL)
{
    sigil_pin_enter(e->ts);
    if (!sigil_uop_world_holds(e->ts, e->frame->f_globals, e->rec)) {
        sigil_pin_leave(e->ts);
        return SIGIL_UOP_MISS;
    }
    PyObject *v = Py_NewRef(e->rec->obj);
    sigil_pin_leave(e->ts);
    /* Reported as LOAD_GLOBAL_MODULE reports its value (with the reference
     * taken and the window closed: the sampled report may stop the world),
     * so that a shared tuple or number still becomes immortal. */
    sigil_uop_value_loaded(&e->quiet, v);
    e->tmp = v;
    return SIGIL_UOP_OK;
}

/* -- LOAD_SUPER_ATTR --------------------------------------------------------
 * The guards check the identity of the super callable and the type of the
 * class operand, both values on this thread's stack: a global `super`
 * rebound or a __class__ cell swapped by another thread changes what the
 * next execution pushes, never what this one checked. Nothing is cached;
 * the lookup is the MRO walk super() does (sigil_super_lookup: CPython's
 * _PySuper_Lookup, but with the MRO tuple taken by a try-incref instead
 * of under the interpreter-wide type lock), without building the super
 * object. */

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
    PyObject *attr = sigil_super_lookup(e->ts, (PyTypeObject *)klass, self, E_NAME(e->oparg >> 2), NULL);
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
    PyObject *attr = sigil_super_lookup(e->ts, (PyTypeObject *)klass, self, E_NAME(e->oparg >> 2),
                                        sigil_type_getattro(Py_TYPE(self)) == PyObject_GenericGetAttr
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

/* LOAD_SUPER_ATTR_METHOD_CACHED: the method super(class, self).name
 * finds, cached in the record. The version of type(self) (its first step,
 * GUARD_TOS_TYPE_VERSION) pins type(self)'s MRO and the dict of every
 * class on it: a change to any of them zeroes that version before it
 * happens (type_modified runs before the dict store, and for every
 * subclass). The class operand is matched by its own version, which no
 * other type ever carries; at the version recorded it sits on that MRO.
 * Nothing takes the type lock, which _PySuper_Lookup takes on every call
 * in 3.13t. The cached function is borrowed: it is freed only by a
 * collection, which stops the world, and at the versions checked it is
 * still in its class's dict. */
/* The version is loaded relaxed, as every version guard loads it: CPython
 * writes it with plain stores (docs/specializer.md, "Versions CPython
 * writes without atomics"), and a stale value can only be a zero or an
 * older number that no record carries, so it can only make the guard
 * miss; the cached function needs no ordering, it is immutable here. */
SIGIL_UOP_BODY(GUARD_SUPER_CLASS_VERSION)
{
    PyObject *klass = E_PEEK(2);
    UOP_CHECK(PyType_Check(klass));
    UOP_CHECK(_Py_atomic_load_uint_relaxed(&((PyTypeObject *)klass)->tp_version_tag) ==
              e->rec->version2);
    return SIGIL_UOP_OK;
}

/* (super class self -- method self): the builtin super is immortal, and
 * the class operand stays alive through type(self)'s MRO, so its drop
 * runs no code. */
SIGIL_UOP_BODY(PUSH_SUPER_METHOD)
{
    PyObject *self = E_PEEK(1);
    Py_DECREF(E_PEEK(2));
    E_PEEK(3) = Py_NewRef(e->rec->obj);
    E_PEEK(2) = self;
    e->sp--;
    return SIGIL_UOP_OK;
}

/* -- BINARY_SUBSCR_GETITEM ---------------------------------------------------
 * container[sub] on an instance of a class whose __getitem__ is a simple
 * Python function: the function runs as an inlined frame. The type version
 * pins the class attribute (any change of the class zeroes the version
 * first); the function is cached borrowed (deferred reference counting:
 * only a stop-the-world collection could free it, and none starts before
 * the frame holds its own reference); its code is read once, between two
 * checks of its version (a __code__ store zeroes the version before it
 * swaps the code), and that code builds the frame. */

SIGIL_UOP_BODY(GUARD_NOS_TYPE_VERSION)
{
    return sigil_uop_type_version(e, Py_TYPE(E_PEEK(2)));
}

/* (The function's version and its code: GUARD_GETTER_VERSION and
 * GUARD_GETTER_STACK_SPACE, sigil_uop_attr.h.) */
SIGIL_UOP_BODY(SUBSCR_GETITEM_FRAME)
{
    return sigil_uop_push_record_frame(e, 2);
}

/* -- SEND --------------------------------------------------------------------
 * SEND_GEN runs a generator's or coroutine's own frame inline in this loop,
 * as a call would, instead of recursing through gen.send(). A generator
 * can be reached by several threads; two must never run its one frame at
 * once. Stock 3.13t checks "already executing" and then sets the state
 * with plain accesses, so two threads can both pass the check; here the
 * state moves from created/suspended to executing by one compare-and-swap
 * (acquire: the frame's contents written by the thread that last ran it,
 * before its release store of the suspended state at YIELD_VALUE, are
 * visible), and a lost race is a miss: the generic send then reports the
 * running generator as CPython does. */

SIGIL_UOP_BODY(GUARD_NOS_GEN_OR_CORO)
{
    PyTypeObject *tp = Py_TYPE(E_PEEK(2));
    UOP_CHECK(tp == &PyGen_Type || tp == &PyCoro_Type);
    return SIGIL_UOP_OK;
}

/* A yield's half of the hand-over: the frame's suspended state, stored
 * with release so that the thread that claims the frame next
 * (uop_claim_gen's compare-and-swap, which acquires) sees every write
 * this thread made to it. CPython's _Py_atomic_store_int8 is seq_cst, an
 * xchg on x86-64 (a full barrier, once per yield: 290 k per half unit of
 * generators, tools/sigil-atomics); the release store is a plain mov. */
static inline __attribute__((always_inline)) void
sigil_gen_release_frame(PyGenObject *gen, int8_t state)
{
    __atomic_store_n(&gen->gi_frame_state, state, __ATOMIC_RELEASE);
}

/* The state a claim starts from, loaded with acquire (3.13 has no
 * acquire load of an int8 among CPython's wrappers). */
static inline __attribute__((always_inline)) int8_t
sigil_gen_frame_state_acquire(PyGenObject *gen)
{
    return __atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE);
}

/* Created or suspended -> executing, or a miss. A generator whose only
 * reference is this stack slot (sigil_only_reference) is claimed by a
 * plain store: no other thread can resume it, as resuming takes a
 * reference. The slot's reference is a counted one, as that test
 * requires: FOR_ITER's iterator and SEND's receiver come from GET_ITER,
 * GET_YIELD_FROM_ITER or GET_AWAITABLE, which push counted references,
 * and neither form runs on a borrowed slot. The compare-and-swap, a
 * locked instruction, ran once per resumption (1.0 M per unit of the
 * generators workload, the most run atomic of its profile,
 * tools/sigil-atomics). */
static inline __attribute__((always_inline)) int
uop_claim_gen(sigil_uop_env *e, PyGenObject *gen)
{
    /* (acquire: the frame's contents, see above) */
    int8_t state = sigil_gen_frame_state_acquire(gen);
    UOP_CHECK(state < FRAME_EXECUTING);
    if (sigil_only_reference((PyObject *)gen)) {
        /* Relaxed: no other thread can read the state before this thread
         * makes the generator reachable, which publishes it (a store into
         * a shared container takes that container's lock, or releases). */
        _Py_atomic_store_int8_relaxed(&gen->gi_frame_state, FRAME_EXECUTING);
        if (sigil_counting()) {
            sigil_stat_bump(e->ts, SIGIL_STAT_gens_unshared);
        }
        return SIGIL_UOP_OK;
    }
    /* (seq_cst: at least acquire, see above) */
    UOP_CHECK(_Py_atomic_compare_exchange_int8(&gen->gi_frame_state, &state, FRAME_EXECUTING));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(CLAIM_GEN_FRAME) { return uop_claim_gen(e, (PyGenObject *)E_PEEK(2)); }
SIGIL_UOP_BODY(CLAIM_GEN_FRAME_TOS) { return uop_claim_gen(e, (PyGenObject *)E_PEEK(1)); }

SIGIL_UOP_BODY(GUARD_TOS_GEN)
{
    UOP_CHECK(Py_TYPE(E_PEEK(1)) == &PyGen_Type);
    return SIGIL_UOP_OK;
}

/* Run the generator's frame with None sent in, as next() would: a yield
 * pushes the value here and continues after FOR_ITER (YIELD_VALUE in the
 * loop); a return pushes the return value and continues at the jump
 * target, the END_FOR that pops it, as CPython's FOR_ITER_GEN does. */
SIGIL_UOP_BODY(FOR_ITER_GEN_FRAME)
{
    PyGenObject *gen = (PyGenObject *)E_PEEK(1);
    _PyInterpreterFrame *gen_frame = (_PyInterpreterFrame *)gen->gi_iframe;
    _PyFrame_StackPush(gen_frame, Py_None);
    gen->gi_exc_state.previous_item = e->tstate->exc_info;
    e->tstate->exc_info = &gen->gi_exc_state;
    e->next += e->oparg;
    gen_frame->previous = e->frame;
    e->callee = gen_frame;
    return SIGIL_UOP_PUSH_FRAME;
}

/* The value moves onto the generator frame's stack; the frame runs next
 * and this frame continues at SEND's jump target when it returns (its
 * value pushed, as END_SEND expects), or after SEND's caches when it
 * yields (YIELD_VALUE in the loop). The generator's exception state is
 * chained as gen.send() would. */
SIGIL_UOP_BODY(SEND_GEN_FRAME)
{
    PyGenObject *gen = (PyGenObject *)E_PEEK(2);
    _PyInterpreterFrame *gen_frame = (_PyInterpreterFrame *)gen->gi_iframe;
    _PyFrame_StackPush(gen_frame, E_PEEK(1));   /* the stack's reference moves */
    e->sp--;
    gen->gi_exc_state.previous_item = e->tstate->exc_info;
    e->tstate->exc_info = &gen->gi_exc_state;
    e->next += e->oparg;   /* the frame's return resumes at the jump target */
    gen_frame->previous = e->frame;
    e->callee = gen_frame;
    return SIGIL_UOP_PUSH_FRAME;
}
