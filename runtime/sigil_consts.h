/* sigil_consts.h: making a code object's number, bytes and tuple constants
 * immortal, as CPython 3.13t means them to be, and the closure cells of
 * immortal functions, and module values that threads share (see
 * sigil_consts.c).
 */
#ifndef SIGIL_CONSTS_H
#define SIGIL_CONSTS_H

#include "sigil_python.h"

/* Make the constants of `co` (and of the tuples among them) that CPython
 * 3.13t would have made immortal at code creation immortal now. Called once
 * per code object, when Sigil first runs it. Stops the world when it has
 * anything to change. Never fails (an object it cannot change stays
 * mortal). */
void sigil_consts_immortalize(PyCodeObject *co);

/* Give `o` (a classmethod or staticmethod a record is about to cache)
 * deferred reference counting, as CPython 3.14 gives every such object at
 * creation: from then on only the GC frees it, so a record may cache it
 * borrowed. Once threads exist CPython 3.13t makes deferred objects
 * immortal (gh-117783), and so does this. Stops the world. Returns 1 if
 * `o` is now deferred or immortal, 0 if it could not be changed (its
 * references are shared or merged: they stay as they are). */
int sigil_make_deferred(PyObject *o);

/* The cells of `func`'s closure, made immortal if `func` is immortal (with
 * threads started, CPython 3.13t makes module- and class-level functions
 * immortal, gh-117783): such a function keeps its closure, and so its
 * cells, alive for good, so no lifetime changes, and COPY_FREE_VARS stops
 * bouncing the cells' reference counts between threads (the `__class__`
 * cell of every method that calls super()). Stops the world when it has
 * anything to change. */
void sigil_closure_immortalize(PyFunctionObject *func);

/* Does COPY_FREE_VARS of `func` have cells to hand to
 * sigil_closure_immortalize? The first cell stands for all: they are done
 * together. Two loads and compares for a mortal closure. _Py_IsImmortal
 * loads the local count relaxed; immortality, once set (with the world
 * stopped), is never undone, so a stale "mortal" only costs a stop that
 * finds the cells done, and a stale "immortal" cannot be read. */
static inline int
sigil_closure_wants_immortal(PyFunctionObject *func, PyObject *closure)
{
    return PyTuple_GET_SIZE(closure) > 0 && !_Py_IsImmortal(PyTuple_GET_ITEM(closure, 0)) &&
           _Py_IsImmortal((PyObject *)func);
}

/* A thread loaded `v` from a module's dict (a global, a builtin, a module
 * attribute) and holds a reference to it. If the value is mortal and
 * another thread owns it, every such load bounces its reference count
 * between threads: sigil_module_value_shared samples these loads and
 * makes values that are long-lived, shared, and of types whose death no
 * Python code can observe immortal (see sigil_consts.c). Reads the local
 * count relaxed and the owner id plainly, as _Py_TryIncrefFast just did;
 * a stale answer only samples or skips one load. Returns 1 if it stopped
 * the world (a safe point: another thread's stop may run meanwhile). */
int sigil_module_value_shared(PyObject *v);

static inline int
sigil_module_value_loaded(PyObject *v)
{
    /* Owner first: one plain load of ob_tid, which the try-incref just
     * read, settles the common single-thread case; only values another
     * thread owns pay the relaxed load of the local count. */
    if (!_Py_IsOwnedByCurrentThread(v) && !_Py_IsImmortal(v)) {
        return sigil_module_value_shared(v);
    }
    return 0;
}

/* Make the keys and values of `dict` (an exact dict, combined table of at
 * most `max_entries` entries) that are exact numbers, bytes, strs or
 * tuples of them immortal, if the dict's version is still `version`: a
 * dict other threads keep reading and nobody changes (sigil_dictshare.c).
 * Stops the world. Returns the objects made immortal; *over is set if the
 * shared-values budget refused them. */
uint64_t sigil_dict_immortalize(PyObject *dict, uint64_t version, Py_ssize_t max_entries, int *over);

/* With the dict's lock held: does `dict` (combined table) hold a key or
 * value sigil_dict_immortalize would change? */
int sigil_dict_has_mortal_values(PyObject *dict);

#endif /* SIGIL_CONSTS_H */
