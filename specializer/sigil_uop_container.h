/* sigil_uop_container.h: micro-ops of BINARY_SUBSCR, STORE_SUBSCR,
 * CONTAINS_OP, UNPACK_SEQUENCE and FOR_ITER.
 *
 * Tuples and strs are immutable: exact-type, index and length guards are
 * all their forms need. Dicts and sets are read and written only through
 * CPython's own thread-safe entry points (PyDict_GetItemRef,
 * PyDict_SetItem, PyDict_Contains, _PySet_Contains); list items are read
 * and stored by the protocol of PyList_GetItemRef / PyList_SetItem, inline
 * (lock-free reads, stores under the list's lock taken without waiting),
 * with those functions as the slow path. Their guards check exact types
 * and a concurrent resize behaves as on the stock interpreter; the one copy made here of a
 * mutable container (a list's unpack) runs under the list's lock
 * (UNPACK_LIST_LOCKED). The range and tuple iterators of CPython 3.13t
 * update their fields with plain stores: their forms run only on iterators
 * private to this thread in practice (GUARD_TOS_THREAD_PRIVATE). Included
 * by sigil_uop.h only.
 */

#include "sigil_dictshare.h"
#include "sigil_spec.h" /* sigil_thread_private */

/* -- Container and iterator types -------------------------------------------- */

SIGIL_UOP_BODY(GUARD_NOS_LIST) { UOP_CHECK(PyList_CheckExact(E_PEEK(2))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_NOS_TUPLE) { UOP_CHECK(PyTuple_CheckExact(E_PEEK(2))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_NOS_DICT) { UOP_CHECK(PyDict_CheckExact(E_PEEK(2))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_TOS_TUPLE) { UOP_CHECK(PyTuple_CheckExact(E_PEEK(1))); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_TOS_DICT) { UOP_CHECK(PyDict_CheckExact(E_PEEK(1))); return SIGIL_UOP_OK; }

SIGIL_UOP_BODY(GUARD_TOS_ANYSET)
{
    UOP_CHECK(PySet_CheckExact(E_PEEK(1)) || PyFrozenSet_CheckExact(E_PEEK(1)));
    return SIGIL_UOP_OK;
}

#define UOP_GUARD_TOS_EXACT(name, type)                 \
    SIGIL_UOP_BODY(name)                                \
    {                                                   \
        UOP_CHECK(Py_TYPE(E_PEEK(1)) == &(type));       \
        return SIGIL_UOP_OK;                            \
    }
UOP_GUARD_TOS_EXACT(GUARD_TOS_RANGE_ITER, PyRangeIter_Type)
UOP_GUARD_TOS_EXACT(GUARD_TOS_LIST_ITER, PyListIter_Type)
UOP_GUARD_TOS_EXACT(GUARD_TOS_TUPLE_ITER, PyTupleIter_Type)
#undef UOP_GUARD_TOS_EXACT

/* Created by this thread, no reference counted from another one: keeps the
 * range and tuple iterator forms (plain field updates, as CPython 3.13t's
 * own rangeiter_next and tupleiter_next) to iterators that are private in
 * practice; the rest take the generic path, i.e. CPython's own code, so an
 * iterator really shared between threads is exactly as unsafe here as on
 * the stock interpreter (see tests/races/README.md). */
SIGIL_UOP_BODY(GUARD_TOS_THREAD_PRIVATE)
{
    UOP_CHECK(sigil_thread_private(E_PEEK(1)));
    return SIGIL_UOP_OK;
}

/* -- Subscripts and lengths -------------------------------------------------- */

/* The value of the subscript on top, once guarded compact. */
static inline __attribute__((always_inline)) Py_ssize_t
uop_tos_index(sigil_uop_env *e)
{
    return (Py_ssize_t)_PyLong_CompactValue((PyLongObject *)E_PEEK(1));
}

/* The subscript (an exact int) is non-negative and compact. */
SIGIL_UOP_BODY(GUARD_TOS_NONNEG_COMPACT_INT)
{
    UOP_CHECK(_PyLong_IsNonNegativeCompact((PyLongObject *)E_PEEK(1)));
    return SIGIL_UOP_OK;
}

/* The compact subscript of an immutable container: bound checked once. */
SIGIL_UOP_BODY(GUARD_INDEX_IN_TUPLE)
{
    UOP_CHECK(uop_tos_index(e) < PyTuple_GET_SIZE(E_PEEK(2)));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_INDEX_IN_STR)
{
    UOP_CHECK(uop_tos_index(e) < PyUnicode_GET_LENGTH(E_PEEK(2)));
    return SIGIL_UOP_OK;
}

/* Tuples are immutable: the exact-type and length guards are all. */
SIGIL_UOP_BODY(GUARD_TUPLE_LENGTH)
{
    UOP_CHECK(PyTuple_GET_SIZE(E_PEEK(1)) == e->oparg);
    return SIGIL_UOP_OK;
}

/* A list of another length fails here, without its lock. Another thread
 * may resize the list (Py_SET_SIZE stores relaxed) right after this read:
 * UNPACK_LIST_LOCKED checks the length again under the lock. */
SIGIL_UOP_BODY(GUARD_LIST_LENGTH)
{
    UOP_CHECK(_Py_atomic_load_ssize_relaxed(&((PyVarObject *)E_PEEK(1))->ob_size) == e->oparg);
    return SIGIL_UOP_OK;
}

/* -- Unpacking --------------------------------------------------------------- */

/* Replace the sequence on top by `items[0..n)`, pushed last first. */
static inline __attribute__((always_inline)) void
uop_unpack_items(sigil_uop_env *e, PyObject **items, int n)
{
    PyObject **base = e->sp - 1;
    for (int i = 0; i < n; i++) {
        base[n - 1 - i] = Py_NewRef(items[i]);
    }
}

SIGIL_UOP_BODY(UNPACK_TUPLE)
{
    PyObject *seq = E_PEEK(1);
    uop_unpack_items(e, _PyTuple_ITEMS(seq), e->oparg);
    e->sp += e->oparg - 1;
    Py_DECREF(seq);
    return SIGIL_UOP_OK;
}

/* A list may be resized by another thread between a length check and the
 * copy: both happen under the list's own lock (taken only if free;
 * contention is a miss), so the items pushed are one snapshot of a list of
 * exactly oparg items, as if the unpack ran at once. The length that
 * GUARD_LIST_LENGTH read without the lock is what is revalidated here. */
SIGIL_UOP_BODY(UNPACK_LIST_LOCKED)
{
    PyObject *seq = E_PEEK(1);
    UOP_CHECK(PyMutex_LockFast(&seq->ob_mutex._bits));
    if (PyList_GET_SIZE(seq) != e->oparg) {
        PyMutex_Unlock(&seq->ob_mutex);
        return SIGIL_UOP_MISS;
    }
    uop_unpack_items(e, ((PyListObject *)seq)->ob_item, e->oparg);
    PyMutex_Unlock(&seq->ob_mutex);
    e->sp += e->oparg - 1;
    Py_DECREF(seq);
    return SIGIL_UOP_OK;
}

/* -- Subscript loads and stores ---------------------------------------------- */

/* CPython 3.13t keeps a list's capacity in the word before its item array
 * (listobject.c's _PyListArray), and frees the old array of a list that
 * other threads may read (owned by another thread, or marked shared) only
 * after a QSBR grace period. */
static inline __attribute__((always_inline)) Py_ssize_t
uop_list_array_capacity(PyObject **items)
{
    return ((const Py_ssize_t *)items)[-1];
}

/* A list item with a new reference, read without the list's lock the way
 * PyList_GetItemRef reads it, inline: where that read is allowed (this
 * thread owns the list, or it is marked shared), the index is checked
 * against the size and against the capacity of the array actually loaded
 * (a concurrent resize may swap arrays between the two loads; the old one
 * stays allocated for the grace period), and the item is try-increfed and
 * re-read from its slot (a concurrent store may have dropped it). Any
 * other case, a lost race included, goes to PyList_GetItemRef: the same
 * item, the list's lock, or the IndexError. */
static inline __attribute__((always_inline)) PyObject *
uop_list_item_ref(PyObject *list, Py_ssize_t i)
{
    if (_Py_IsOwnedByCurrentThread(list) || _PyObject_GC_IS_SHARED(list)) {
        Py_ssize_t size = PyList_GET_SIZE(list);
        PyObject **items = _Py_atomic_load_ptr(&((PyListObject *)list)->ob_item);
        if (i < size && items != NULL) {
            assert(uop_list_array_capacity(items) >= 0);
            if (i < uop_list_array_capacity(items)) {
                PyObject *item = sigil_uop_try_xget_ref(&items[i]);
                if (item != NULL) {
                    return item;
                }
            }
        }
    }
    return PyList_GetItemRef(list, i);
}

SIGIL_UOP_BODY(SUBSCR_LIST_INT)
{
    return sigil_uop_replace2(e, uop_list_item_ref(E_PEEK(2), uop_tos_index(e)));
}

/* Tuples are immutable: type and index guards are all (the item is never
 * NULL). */
SIGIL_UOP_BODY(SUBSCR_TUPLE_INT)
{
    PyObject *r = Py_NewRef(PyTuple_GET_ITEM(E_PEEK(2), uop_tos_index(e)));
    sigil_uop_drop_operands(e);
    e->sp--;
    E_TOP() = r;
    return SIGIL_UOP_OK;
}

/* BINARY_SUBSCR_SEQUENCE_INT: `x[i]` at a site that meets lists and
 * tuples (a function called with either). The narrow forms deoptimized
 * every eight misses and the site went round specialize, miss, deopt
 * (6,250 deopts in 100,000 executions of one `x[0]`). Taken once the
 * site has deoptimized. A list is read exactly as SUBSCR_LIST_INT reads
 * it (its own bounds check, lock-free or under the list's lock, the
 * IndexError); a tuple is immutable, so its exact type and the index's
 * bound, checked here, are all. */
SIGIL_UOP_BODY(GUARD_NOS_SEQUENCE_INDEX)
{
    PyObject *c = E_PEEK(2);
    UOP_CHECK(PyList_CheckExact(c) ||
              (PyTuple_CheckExact(c) && uop_tos_index(e) < PyTuple_GET_SIZE(c)));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(SUBSCR_SEQUENCE_INT)
{
    PyObject *c = E_PEEK(2);
    if (PyList_CheckExact(c)) {
        return sigil_uop_replace2(e, uop_list_item_ref(c, uop_tos_index(e)));
    }
    PyObject *r = Py_NewRef(PyTuple_GET_ITEM(c, uop_tos_index(e)));
    sigil_uop_drop_operands(e);
    e->sp--;
    E_TOP() = r;
    return SIGIL_UOP_OK;
}

/* sigil_dict_getitem_ref: PyDict_GetItemRef's answer (it leaves NULL in
 * `r` when the key is missing or on error), the common keys found by
 * Sigil's own probe (specializer/sigil_uop.c); a missing key raises
 * KeyError as dict's own subscript does for an exact dict. */
SIGIL_UOP_BODY(SUBSCR_DICT)
{
    PyObject *r;
    if (sigil_dict_getitem_ref(E_PEEK(2), E_PEEK(1), &r) == 0) {
        _PyErr_SetKeyError(E_PEEK(1));
    }
    sigil_dict_read(E_PEEK(2));
    return sigil_uop_replace2(e, r);
}

/* Strings are immutable: exact str and an in-range non-negative compact
 * index are all. The result is the one str's subscript makes
 * (PyUnicode_FromOrdinal: the shared 1-char singleton below 256). */
SIGIL_UOP_BODY(SUBSCR_STR_INT)
{
    Py_UCS4 c = PyUnicode_READ_CHAR(E_PEEK(2), uop_tos_index(e));
    return sigil_uop_replace2(e, PyUnicode_FromOrdinal((int)c));
}

/* The store runs under the list's lock, taken without waiting
 * (PyMutex_LockFast on ob_mutex, the lock CPython's critical sections on
 * the list take), with the index checked under it: no resize can swap the
 * array meanwhile. The item is written with a release store, so a
 * lock-free reader that loads it sees an initialized object (and
 * try-increfs and re-reads the slot, so the old item it may still hold is
 * never used after its drop). The old item is dropped after the unlock:
 * its finalizer may run code that touches the list. A busy lock or an
 * index past the end goes to PyList_SetItem, which waits in a critical
 * section and raises the generic store's IndexError. Either path takes the
 * value's reference, on failure too. */
SIGIL_UOP_BODY(STORE_LIST_ITEM)
{
    PyObject *list = E_PEEK(2), *sub = E_PEEK(1), *value = E_PEEK(3);
    Py_ssize_t i = uop_tos_index(e);
    PyObject *old = NULL;
    int err = 0, stored = 0;
    if (PyMutex_LockFast(&list->ob_mutex._bits)) {
        if (i < PyList_GET_SIZE(list)) {
            PyObject **slot = &((PyListObject *)list)->ob_item[i];
            old = *slot;
            _Py_atomic_store_ptr_release(slot, value);
            stored = 1;
        }
        PyMutex_Unlock(&list->ob_mutex);
    }
    if (!stored) {
        err = PyList_SetItem(list, i, value);
    }
    e->sp -= 3;
    if (old != NULL) {
        (void)sigil_drop(old);
    }
    Py_DECREF(list);
    Py_DECREF(sub);
    return err ? SIGIL_UOP_ERROR : SIGIL_UOP_OK;
}

/* CPython's thread-safe store (under the dict's lock), given the stack's
 * references to the key and the value: _PyDict_SetItem_Take2 keeps them
 * in the dict, or releases them on an error (an unhashable key), as the
 * GIL build's STORE_SUBSCR_DICT does; PyDict_SetItem would take new ones
 * and the stack's would then be dropped (an increment and a decrement of
 * each, atomic for objects another thread owns). */
SIGIL_UOP_BODY(STORE_DICT_ITEM)
{
    PyObject *dict = E_PEEK(2), *sub = E_PEEK(1), *v = E_PEEK(3);
    int err = _PyDict_SetItem_Take2((PyDictObject *)dict, sub, v);
    e->sp -= 3;
    Py_DECREF(dict);
    return err ? SIGIL_UOP_ERROR : SIGIL_UOP_OK;
}

/* -- Membership -------------------------------------------------------------- */

/* Replace item and container by the answer (`r` xor the `not in` bit), or
 * raise if `r` < 0. */
static inline __attribute__((always_inline)) int
uop_contains_result(sigil_uop_env *e, int r)
{
    Py_DECREF(E_PEEK(2));
    Py_DECREF(E_PEEK(1));
    e->sp--;
    if (r < 0) {
        e->sp--;
        return SIGIL_UOP_ERROR;
    }
    E_TOP() = (r ^ e->oparg) ? Py_True : Py_False;
    return SIGIL_UOP_OK;
}

/* _PySet_Contains is the set's own `in` (critical section; a set key is
 * looked up as a frozenset, which the public PySet_Contains does not do). */
SIGIL_UOP_BODY(CONTAINS_SET)
{
    return uop_contains_result(e, _PySet_Contains((PySetObject *)E_PEEK(1), E_PEEK(2)));
}

/* sigil_dict_contains: PyDict_Contains's answer, the common keys found
 * by Sigil's own probe (specializer/sigil_uop.c). */
SIGIL_UOP_BODY(CONTAINS_DICT)
{
    int r = sigil_dict_contains(E_PEEK(1), E_PEEK(2));
    sigil_dict_read(E_PEEK(1));
    return uop_contains_result(e, r);
}

/* -- Iteration --------------------------------------------------------------- */

/* The iterator is exhausted: drop it and continue after the loop. The drop
 * may free a list or tuple and run its items' finalizers, so the form then
 * leaves through the monitoring check (env.quiet), always: asking the
 * release (sigil_uop_release) would spare the check only for an iterator
 * that survives its loop, and moved the loop's code enough to cost 0.3%
 * more instructions on deltablue and richards (sigil-padding). */
static inline __attribute__((always_inline)) int
uop_iter_exhausted(sigil_uop_env *e)
{
    e->quiet = 0;
    Py_DECREF(E_PEEK(1));
    e->sp--;
    e->next += e->oparg + 2;
    return SIGIL_UOP_OK;
}

/* The same plain field updates as CPython 3.13t's rangeiter_next, on an
 * iterator GUARD_TOS_THREAD_PRIVATE found private to this thread. */
SIGIL_UOP_BODY(ITER_NEXT_RANGE)
{
    _PyRangeIterObject *r = (_PyRangeIterObject *)E_PEEK(1);
    if (r->len <= 0) {
        return uop_iter_exhausted(e);
    }
    long value = r->start;
    r->start = value + r->step;
    r->len--;
    PyObject *v = sigil_int_new(e->ts, value);
    if (v == NULL) {
        return SIGIL_UOP_ERROR;
    }
    *e->sp++ = v;
    return SIGIL_UOP_OK;
}

/* The iterator's index is read and written with the relaxed atomics
 * CPython 3.13t's listiter_next uses, and the item is fetched as
 * PyList_GetItemRef fetches it (uop_list_item_ref), so a shared iterator or a list
 * resized by another thread behaves exactly as on the stock interpreter. */
SIGIL_UOP_BODY(ITER_NEXT_LIST)
{
    _PyListIterObject *li = (_PyListIterObject *)E_PEEK(1);
    Py_ssize_t index = _Py_atomic_load_ssize_relaxed(&li->it_index);
    PyObject *v = NULL;
    if (index >= 0 && li->it_seq != NULL) {
        if ((size_t)index < (size_t)PyList_GET_SIZE(li->it_seq)) {
            v = uop_list_item_ref((PyObject *)li->it_seq, index);
            if (v == NULL) {
                _PyErr_Clear(e->tstate); /* shrunk meanwhile: exhausted */
            }
        }
        if (v == NULL) {
            _Py_atomic_store_ssize_relaxed(&li->it_index, -1);
        }
        else {
            _Py_atomic_store_ssize_relaxed(&li->it_index, index + 1);
        }
    }
    if (v == NULL) {
        return uop_iter_exhausted(e);
    }
    *e->sp++ = v;
    return SIGIL_UOP_OK;
}

/* As ITER_NEXT_RANGE: CPython 3.13t's tuple iterator updates its index
 * with plain stores (a shared one is not thread-safe on stock either), so
 * the form runs only on iterators private to this thread in practice,
 * with tupleiter_next's exact steps, including dropping the tuple when
 * exhausted (visible to __reduce__ and __length_hint__). */
SIGIL_UOP_BODY(ITER_NEXT_TUPLE)
{
    _PyTupleIterObject *ti = (_PyTupleIterObject *)E_PEEK(1);
    PyTupleObject *seq = ti->it_seq;
    if (seq != NULL && ti->it_index < PyTuple_GET_SIZE(seq)) {
        *e->sp++ = Py_NewRef(PyTuple_GET_ITEM(seq, ti->it_index));
        ti->it_index++;
        return SIGIL_UOP_OK;
    }
    if (seq != NULL) {
        ti->it_seq = NULL;
        Py_DECREF(seq);
    }
    return uop_iter_exhausted(e);
}
