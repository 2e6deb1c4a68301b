/* sigil_uop_call.h: micro-ops of CALL.
 *
 * Every step sees the call's stack: callable, self_or_null, then oparg
 * arguments (the record's oparg); the callee receives self first when its
 * slot holds one ("total" arguments). Python-function forms guard the
 * function's version and build the frame from the record's code object,
 * read once. C forms guard the callable alone (its identity, or a calling
 * convention fixed when the object is made) and the argument count; an
 * INVOKE_* action makes the call and leaves its result in env->tmp (a new
 * reference, or NULL with an exception set), and PUSH_CALL_RESULT then
 * drops the callable and the arguments as the generic CALL does. An INVOKE
 * step touches only the stack itself: the callee synchronizes its own
 * accesses, as under the generic CALL. Included by sigil_uop.h only.
 */

#include "sigil_spec.h" /* SIGIL_METH_CALLCONV: the bits the chooser switched on */

/* -- The call's stack -------------------------------------------------------- */

/* The first of the oparg arguments: the callable is two slots below it,
 * self_or_null one. Every step addresses the call from this one pointer,
 * so the steps of a form share its computation. */
static inline __attribute__((always_inline)) PyObject **
uop_call_base(sigil_uop_env *e)
{
    return e->sp - e->oparg;
}

static inline __attribute__((always_inline)) PyObject *
uop_callable(sigil_uop_env *e)
{
    return uop_call_base(e)[-2];
}

static inline __attribute__((always_inline)) PyObject *
uop_self_or_null(sigil_uop_env *e)
{
    return uop_call_base(e)[-1];
}

/* The arguments the callee receives, self first when its slot holds one. */
static inline __attribute__((always_inline)) PyObject **
uop_call_args(sigil_uop_env *e)
{
    PyObject **args = uop_call_base(e);
    return args[-1] != NULL ? args - 1 : args;
}

/* Their count. */
static inline __attribute__((always_inline)) int
uop_call_total(sigil_uop_env *e)
{
    return e->oparg + (uop_self_or_null(e) != NULL);
}

/* -- Python functions -------------------------------------------------------- */

/* Its type only: the version, checked next, pins the code. The snapshot
 * keeps the function for the version guards. */
SIGIL_UOP_BODY(GUARD_CALLABLE_FUNCTION)
{
    PyObject *fn = uop_callable(e);
    UOP_CHECK(Py_TYPE(fn) == &PyFunction_Type);
    e->snap.obj = fn;
    return SIGIL_UOP_OK;
}

/* A polymorphic call record's selector: the entry whose function version
 * the callable carries now (read once, relaxed, as GUARD_FUNC_VERSION
 * reads it). Entries hold distinct non-zero versions; the entry's form
 * then runs from its first step, its own function and version guards
 * included, so the selector proves nothing by itself
 * (SELECT_TYPE_ENTRY's argument, with functions for types). */
SIGIL_UOP_BODY(SELECT_FUNC_ENTRY)
{
    PyObject *fn = uop_callable(e);
    UOP_CHECK(Py_TYPE(fn) == &PyFunction_Type);
    uint32_t v = _Py_atomic_load_uint32_relaxed(&((PyFunctionObject *)fn)->func_version);
    return sigil_uop_select_entry(e, v);
}

SIGIL_UOP_BODY(GUARD_NULL_SELF)
{
    UOP_CHECK(uop_self_or_null(e) == NULL);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_CALLABLE_BOUND_METHOD)
{
    UOP_CHECK(Py_TYPE(uop_callable(e)) == &PyMethod_Type);
    return SIGIL_UOP_OK;
}

/* A bound method's function and self are fixed when it is made (and the
 * stack's reference keeps the method, hence both, alive). */
SIGIL_UOP_BODY(GUARD_METHOD_FUNCTION)
{
    PyObject *fn = ((PyMethodObject *)uop_callable(e))->im_func;
    UOP_CHECK(Py_TYPE(fn) == &PyFunction_Type);
    e->snap.obj = fn;
    return SIGIL_UOP_OK;
}

/* A Python call form's record keeps the callee code's instruction table,
 * not the code itself (sigil_spec_call): the code is the table's co, and
 * the loop enters the frame with the table it already has (e->callee_table,
 * runtime/sigil_interp.c "Frame transitions"). The table lives exactly as
 * long as the code. */
static inline __attribute__((always_inline)) sigil_code *
uop_rec_table(sigil_uop_env *e)
{
    return (sigil_code *)e->rec->obj;
}

static inline __attribute__((always_inline)) PyCodeObject *
uop_rec_code(sigil_uop_env *e)
{
    return uop_rec_table(e)->co;
}

/* The function's version: a __code__, __defaults__, ... store zeroes it
 * before changing anything, so an equal version means the record's code
 * (uop_rec_code) is still the function's (the chooser read the version,
 * then the code, and required co_version to match). */
SIGIL_UOP_BODY(GUARD_FUNC_VERSION)
{
    uint32_t v = _Py_atomic_load_uint32_relaxed(&((PyFunctionObject *)e->snap.obj)->func_version);
    UOP_CHECK(v == e->rec->version);
    e->snap.version = v;
    return SIGIL_UOP_OK;
}

/* The count of arguments the function receives: self counts when its slot
 * holds one, or when the callable is a bound method (it is not the
 * snapshot's function), whose self UNPACK_BOUND_METHOD moves there. */
static inline __attribute__((always_inline)) int
uop_py_total(sigil_uop_env *e)
{
    return e->oparg + (uop_self_or_null(e) != NULL || uop_callable(e) != (PyObject *)e->snap.obj);
}

SIGIL_UOP_BODY(GUARD_CODE_ARGCOUNT)
{
    UOP_CHECK(uop_rec_code(e)->co_argcount == uop_py_total(e));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_CODE_ARGCOUNT_GE)
{
    UOP_CHECK(uop_py_total(e) <= uop_rec_code(e)->co_argcount);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_STACK_SPACE)
{
    UOP_CHECK(_PyThreadState_HasStackSpace(e->tstate, uop_rec_code(e)->co_framesize));
    return SIGIL_UOP_OK;
}

/* The defaults tuple is read ONCE, with a try-incref (a concurrent
 * `f.__defaults__ = ...` drops the function's reference to the old tuple
 * and may free it): its size and its items then come from the same live
 * tuple. Stock 3.13t (initialize_locals) reads func_defaults once for the
 * count and again for the items, so a concurrent store can make it index
 * a shorter tuple or a freed one. */
SIGIL_UOP_BODY(LOAD_FUNC_DEFAULTS)
{
    e->tmp = _Py_TryXGetRef(&((PyFunctionObject *)e->snap.obj)->func_defaults);
    UOP_CHECK(e->tmp != NULL);
    return SIGIL_UOP_OK;
}

/* The version is re-checked after the tuple is taken: a __defaults__
 * store zeroes it before it swaps the tuple, so an unchanged version means
 * the tuple belongs with the record's code. */
SIGIL_UOP_BODY(GUARD_FUNC_VERSION_AGAIN)
{
    UOP_CHECK(_Py_atomic_load_uint32_relaxed(&((PyFunctionObject *)e->snap.obj)->func_version) ==
              e->snap.version);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_DEFAULTS_COVER)
{
    int argcount = uop_rec_code(e)->co_argcount;
    UOP_CHECK(uop_call_total(e) >= argcount - PyTuple_GET_SIZE(e->tmp));
    return SIGIL_UOP_OK;
}

/* The stack's reference to the method is exchanged for new references to
 * its function and self (what the generic CALL does). */
SIGIL_UOP_BODY(UNPACK_BOUND_METHOD)
{
    PyObject **args = uop_call_base(e);
    PyObject *method = args[-2];
    args[-1] = Py_NewRef(((PyMethodObject *)method)->im_self);
    args[-2] = Py_NewRef(((PyMethodObject *)method)->im_func);
    Py_DECREF(method);
    return SIGIL_UOP_OK;
}

/* A frame of the record's code on this thread's data stack (room checked
 * by GUARD_STACK_SPACE), taking the function (the stack's reference) and
 * every argument as its first locals (the rest cleared from
 * null_locals_from on). The frame is built from the
 * record's code object, read once: stock 3.13t reads func_code twice per
 * call and can build a frame for one code and fill it for another. The
 * code has deferred reference counting and the function that passed the
 * guard referred to it, so it is alive until the frame holds its own
 * reference. */
static inline __attribute__((always_inline)) _PyInterpreterFrame *
uop_push_py_frame(sigil_uop_env *e, int null_locals_from)
{
    PyCodeObject *code = uop_rec_code(e);
    PyObject **args = uop_call_args(e);
    int total = uop_call_total(e);
    _PyInterpreterFrame *nf = (_PyInterpreterFrame *)e->tstate->datastack_top;
    e->tstate->datastack_top += code->co_framesize;
    _PyFrame_Initialize(nf, (PyFunctionObject *)uop_callable(e), NULL, code, null_locals_from);
    /* The arguments move to the new frame's first locals. Up to three (most
     * calls) are copied one by one: as a loop GCC vectorizes it, with an
     * overlap test and a count split that cost more than the copies (16
     * instructions for one argument). The frame lies past the caller's
     * stack on the data stack, so the two never overlap. */
    PyObject **dst = nf->localsplus;
    switch (total) {
    case 3:
        dst[2] = args[2];
        __attribute__((fallthrough));
    case 2:
        dst[1] = args[1];
        __attribute__((fallthrough));
    case 1:
        dst[0] = args[0];
        __attribute__((fallthrough));
    case 0:
        break;
    default:
        for (int i = 0; i < total; i++) {
            dst[i] = args[i];
        }
    }
    e->sp = uop_call_base(e) - 2;
    nf->previous = e->frame;
    e->callee = nf;
    e->callee_table = uop_rec_table(e);
    return nf;
}

SIGIL_UOP_BODY(PUSH_PY_FRAME)
{
    uop_push_py_frame(e, uop_call_total(e));
    return SIGIL_UOP_PUSH_FRAME;
}

SIGIL_UOP_BODY(PUSH_PY_FRAME_DEFAULTS)
{
    PyObject *defs = e->tmp;
    e->tmp = NULL;
    int total = uop_call_total(e);
    int argcount = uop_rec_code(e)->co_argcount;
    Py_ssize_t ndefs = PyTuple_GET_SIZE(defs);
    _PyInterpreterFrame *nf = uop_push_py_frame(e, argcount);
    /* Parameter j takes default j - (argcount - ndefs), as CPython maps
     * them (also when the tuple is longer than the parameter list). */
    for (int i = total; i < argcount; i++) {
        nf->localsplus[i] = Py_NewRef(PyTuple_GET_ITEM(defs, i - argcount + ndefs));
    }
    Py_DECREF(defs);
    return SIGIL_UOP_PUSH_FRAME;
}

/* -- Classes: allocate, then enter __init__ ----------------------------------- */

/* The callable is a class whose metaclass is exactly type (calling it is
 * type.__call__: __new__, then __init__) and whose version is the
 * record's. At that version the chooser saw object's tp_new and generic
 * allocation, inline values, no abstract methods, and __init__ bound to
 * the record's function: a store of __new__, __init__ or
 * __abstractmethods__ on the class or a base zeroes the version before the
 * change lands, so an equal version also keeps the record's function alive
 * (the class's dict holds it) until this thread's next quiescent state. */
SIGIL_UOP_BODY(GUARD_CALLABLE_CLASS_VERSION)
{
    PyObject *cls = uop_callable(e);
    UOP_CHECK(Py_TYPE(cls) == &PyType_Type);
    return sigil_uop_type_version(e, (PyTypeObject *)cls);
}

/* Room for the __init__ frame (its code read by GUARD_GETTER_VERSION)
 * and the shim under it, both pushed unchecked. */
SIGIL_UOP_BODY(GUARD_INIT_STACK_SPACE)
{
    UOP_CHECK(_PyThreadState_HasStackSpace(e->tstate, e->code->co_framesize +
                                                          SIGIL_INIT_SHIM_CODE->co_framesize));
    return SIGIL_UOP_OK;
}

/* The instance, made as object.__new__ makes it for this class: its
 * tp_alloc, PyType_GenericAlloc (the version pins both, and the layout:
 * inline values, a dict offset or __slots__). A new reference in
 * env->tmp. Allocation only schedules a collection, it never runs one
 * here. */
SIGIL_UOP_BODY(ALLOC_INSTANCE)
{
    e->tmp = PyType_GenericAlloc((PyTypeObject *)uop_callable(e), 0);
    return e->tmp != NULL ? SIGIL_UOP_OK : SIGIL_UOP_ERROR;
}

/* CPython's shim frame (it checks that __init__ returned None, then
 * returns the instance) holding the instance on its stack, linked under
 * the caller, and over it a frame of the checked __init__ code with the
 * instance as self and the arguments after it: the instance takes the
 * empty self slot, and the frame takes those stack values as any record
 * frame does (with a reference to the record's function, alive as the
 * class guard says). The stack's reference to the class is dropped (the
 * instance holds one). The shim is charged to the recursion budget here,
 * unchecked as CPython does (it runs no Python code); the __init__ frame
 * is charged when it starts, like any. */
SIGIL_UOP_BODY(PUSH_INIT_FRAMES)
{
    PyObject *self = e->tmp;
    e->tmp = NULL;
    PyObject **args = uop_call_base(e);
    PyObject *cls = args[-2];
    _PyInterpreterFrame *shim =
        _PyFrame_PushTrampolineUnchecked(e->tstate, SIGIL_INIT_SHIM_CODE, 1);
    shim->localsplus[0] = Py_NewRef(self);
    /* the shim resumes when __init__ returns: its table parked as a
     * suspended caller's is (sigil_code.h, "Parked tables") */
    sigil_park_table(&shim->localsplus[shim->stacktop], sigil_init_shim_table);
    shim->previous = e->frame;
    e->tstate->py_recursion_remaining--;
    args[-1] = self;
    sigil_uop_push_record_frame(e, e->oparg + 1);
    e->callee->previous = shim;
    e->sp--;   /* the class's slot */
    Py_DECREF(cls);
    return SIGIL_UOP_PUSH_FRAME;
}

/* -- Keyword calls (CALL_KW) -------------------------------------------------- */

/* CALL_KW's stack is CALL's with the kwnames tuple on top: oparg counts
 * the positional and keyword arguments, self not included. */
static inline __attribute__((always_inline)) PyObject **
uop_kw_base(sigil_uop_env *e)
{
    return e->sp - 1 - e->oparg;
}

/* The call site's own kwnames: the record's parameter map is for it. */
SIGIL_UOP_BODY(GUARD_KWNAMES_RECORDED)
{
    UOP_CHECK(E_TOP() == e->rec->key);
    return SIGIL_UOP_OK;
}

/* Its type only, as GUARD_CALLABLE_FUNCTION: the version, checked next,
 * pins the code (and the snapshot keeps the function for it). */
SIGIL_UOP_BODY(GUARD_KW_CALLABLE_FUNCTION)
{
    PyObject *fn = uop_kw_base(e)[-2];
    UOP_CHECK(Py_TYPE(fn) == &PyFunction_Type);
    e->snap.obj = fn;
    return SIGIL_UOP_OK;
}

/* Every parameter filled: the record's map was made for this count, which
 * depends on whether the self slot holds a value. */
SIGIL_UOP_BODY(GUARD_KW_ARGCOUNT)
{
    PyCodeObject *code = uop_rec_code(e);
    UOP_CHECK(e->oparg + (uop_kw_base(e)[-1] != NULL) == code->co_argcount + code->co_kwonlyargcount);
    return SIGIL_UOP_OK;
}

/* A frame of the record's code (read once, as PUSH_PY_FRAME): the
 * positional arguments (self first) in order, then each keyword argument
 * into the parameter the record's map names. The stack's references move
 * to the frame; the kwnames constant is released. */
SIGIL_UOP_BODY(PUSH_KW_FRAME)
{
    PyCodeObject *code = uop_rec_code(e);
    PyObject **base = uop_kw_base(e);
    PyObject *kwnames = e->sp[-1];
    PyObject **args = base[-1] != NULL ? base - 1 : base;
    int total = e->oparg + (base[-1] != NULL);
    int nkw = (int)PyTuple_GET_SIZE(kwnames);
    int npos = total - nkw;
    uint32_t map = e->rec->version2;
    _PyInterpreterFrame *nf = (_PyInterpreterFrame *)e->tstate->datastack_top;
    e->tstate->datastack_top += code->co_framesize;
    _PyFrame_Initialize(nf, (PyFunctionObject *)base[-2], NULL, code, total);
    for (int i = 0; i < npos; i++) {
        nf->localsplus[i] = args[i];
    }
    for (int j = 0; j < nkw; j++) {
        nf->localsplus[(map >> (4 * j)) & 15] = args[npos + j];
    }
    Py_DECREF(kwnames);
    e->sp = base - 2;
    nf->previous = e->frame;
    e->callee = nf;
    e->callee_table = uop_rec_table(e);
    return SIGIL_UOP_PUSH_FRAME;
}

/* -- C callables: guards ----------------------------------------------------- */

/* Guards on the callable alone: its identity (a static type, immortal and
 * of fixed behaviour; len, isinstance, list.append, cached by the
 * interpreter; the record's immutable type, immortal or deferred-RC, so
 * its address cannot be reused while the record lives) or its type and C
 * calling convention (ml_flags, fixed when the object is made), and the
 * argument count. */
SIGIL_UOP_BODY(GUARD_CALLABLE_CFUNCTION)
{
    UOP_CHECK(PyCFunction_CheckExact(uop_callable(e)));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_CALLABLE_METHOD_DESCR)
{
    UOP_CHECK(Py_TYPE(uop_callable(e)) == &PyMethodDescr_Type);
    return SIGIL_UOP_OK;
}

#define UOP_CALLABLE_IS(name, obj)                           \
    SIGIL_UOP_BODY(name)                                     \
    {                                                        \
        UOP_CHECK(uop_callable(e) == (PyObject *)(obj));     \
        return SIGIL_UOP_OK;                                 \
    }
UOP_CALLABLE_IS(GUARD_CALLABLE_IS_LEN, e->tstate->interp->callable_cache.len)
UOP_CALLABLE_IS(GUARD_CALLABLE_IS_ISINSTANCE, e->tstate->interp->callable_cache.isinstance)
UOP_CALLABLE_IS(GUARD_CALLABLE_IS_TYPE, &PyType_Type)
UOP_CALLABLE_IS(GUARD_CALLABLE_IS_STR, &PyUnicode_Type)
UOP_CALLABLE_IS(GUARD_CALLABLE_IS_TUPLE, &PyTuple_Type)
UOP_CALLABLE_IS(GUARD_CALLABLE_IS_RECORDED, e->rec->obj)
UOP_CALLABLE_IS(GUARD_CALLABLE_IS_LIST_APPEND, e->tstate->interp->callable_cache.list_append)
#undef UOP_CALLABLE_IS

/* A builtin function's calling convention (the flags CPython's vectorcall
 * choice reads). */
#define UOP_CFUNC_CONV(name, conv)                                                          \
    SIGIL_UOP_BODY(name)                                                                    \
    {                                                                                       \
        UOP_CHECK((PyCFunction_GET_FLAGS(uop_callable(e)) &                                 \
                   ~(METH_CLASS | METH_STATIC | METH_COEXIST)) == (conv));                  \
        return SIGIL_UOP_OK;                                                                \
    }
UOP_CFUNC_CONV(GUARD_CFUNC_O, METH_O)
UOP_CFUNC_CONV(GUARD_CFUNC_FAST, METH_FASTCALL)
UOP_CFUNC_CONV(GUARD_CFUNC_FAST_KW, METH_FASTCALL | METH_KEYWORDS)
#undef UOP_CFUNC_CONV

/* A method descriptor's calling convention. */
#define UOP_DESCR_CONV(name, conv)                                                      \
    SIGIL_UOP_BODY(name)                                                                \
    {                                                                                   \
        PyMethodDef *ml_ = ((PyMethodDescrObject *)uop_callable(e))->d_method;          \
        UOP_CHECK((ml_->ml_flags & SIGIL_METH_CALLCONV) == (conv));                     \
        return SIGIL_UOP_OK;                                                            \
    }
UOP_DESCR_CONV(GUARD_DESCR_NOARGS, METH_NOARGS)
UOP_DESCR_CONV(GUARD_DESCR_O, METH_O)
UOP_DESCR_CONV(GUARD_DESCR_FAST, METH_FASTCALL)
UOP_DESCR_CONV(GUARD_DESCR_FAST_KW, METH_FASTCALL | METH_KEYWORDS)
#undef UOP_DESCR_CONV

SIGIL_UOP_BODY(GUARD_NARGS_1) { UOP_CHECK(uop_call_total(e) == 1); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_NARGS_2) { UOP_CHECK(uop_call_total(e) == 2); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(GUARD_NARGS_SELF) { UOP_CHECK(uop_call_total(e) >= 1); return SIGIL_UOP_OK; }

/* Self of the descriptor's class: the check CPython's descriptor call
 * makes, so its "doesn't apply to" error stays the generic path's. */
SIGIL_UOP_BODY(GUARD_DESCR_SELF_TYPE)
{
    PyMethodDescrObject *md = (PyMethodDescrObject *)uop_callable(e);
    UOP_CHECK(PyObject_TypeCheck(uop_call_args(e)[0], PyDescr_TYPE(md)));
    return SIGIL_UOP_OK;
}

/* dict.get(key) or dict.get(key, default), self included. */
SIGIL_UOP_BODY(GUARD_NARGS_DICT_GET)
{
    int total = uop_call_total(e);
    UOP_CHECK(total == 2 || total == 3);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_SELF_DICT)
{
    UOP_CHECK(PyDict_CheckExact(uop_call_args(e)[0]));
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(GUARD_SELF_LIST)
{
    UOP_CHECK(PyList_Check(uop_call_args(e)[0]));
    return SIGIL_UOP_OK;
}

/* -- C callables: the calls -------------------------------------------------- */

/* The append is a mutation of a shared object: it runs under the list's
 * own lock (the one CPython's critical sections on it take), taken only
 * if free; contention is a miss, so the fast path never waits. Under the
 * lock no other append, pop or resize can interleave with our size read,
 * store and size update; the item is stored with release (inside
 * _PyList_AppendTakeRef) for lock-free readers. No snapshot to revalidate:
 * the guards checked list.append's identity and a list, neither of which
 * another thread can change. */
SIGIL_UOP_BODY(LIST_APPEND_LOCKED)
{
    PyObject **args = uop_call_args(e);
    UOP_CHECK(PyMutex_LockFast(&args[0]->ob_mutex._bits));
    /* the stack's reference to the item moves into the list (also on
     * failure, which drops it); PUSH_APPEND_RESULT does not drop it */
    int err = _PyList_AppendTakeRef((PyListObject *)args[0], args[1]);
    PyMutex_Unlock(&args[0]->ob_mutex);
    e->tmp = err ? NULL : Py_None;
    return SIGIL_UOP_OK;
}

/* _Py_CheckFunctionResult, as PyObject_Vectorcall applies it to what a
 * call returns, with its common verdict inline: a result and no exception
 * set, or NULL and one set, pass as they are (all the function does with
 * them); anything else goes to CPython's function, which raises its
 * SystemError. Saves a call and its reloads on every C call a form makes. */
static inline __attribute__((always_inline)) PyObject *
uop_check_result(sigil_uop_env *e, PyObject *callable, PyObject *r)
{
    if ((r != NULL) == (e->tstate->current_exception == NULL)) {
        return r;
    }
    return _Py_CheckFunctionResult(e->tstate, callable, r, NULL);
}

/* The calls are the ones PyObject_Vectorcall would make, without its
 * dispatch; the builtins' and descriptors' with the recursion charge
 * CPython's vectorcalls of them make. */
#define UOP_CHARGED_CALL(e, r, call)                                                      \
    do {                                                                                  \
        (r) = NULL;                                                                       \
        if (!_Py_EnterRecursiveCallTstate((e)->tstate, " while calling a Python object")) { \
            (r) = (call);                                                                 \
            _Py_LeaveRecursiveCallTstate((e)->tstate);                                    \
        }                                                                                 \
    } while (0)

/* dict.get through sigil_dict_getitem_ref (an exact str or compact int
 * key by Sigil's lock-free probe, else PyDict_GetItemRef): the same
 * lookup and errors (the key's hash and comparisons) as the method, but
 * not inside the dict's critical section. Stock 3.13t's dict.get holds
 * that section, and when its lock-free lookup cannot take a reference (a
 * key or value another thread made, with no shared count yet) the lookup
 * takes the same lock again and spins, yielding, until the thread
 * detaches: measured ~100x slower than on a dict the calling thread made
 * (bench/README.md). Here the lock-free lookup's fallback takes the lock
 * once, as PyDict_GetItemRef does for every caller. */
SIGIL_UOP_BODY(INVOKE_DICT_GET)
{
    PyObject **args = uop_call_args(e);
    PyObject *value = NULL;
    int found = 0;
    if (!_Py_EnterRecursiveCallTstate(e->tstate, " while calling a Python object")) {
        found = sigil_dict_getitem_ref(args[0], args[1], &value);
        _Py_LeaveRecursiveCallTstate(e->tstate);
    }
    else {
        found = -1;
    }
    if (found == 0) {
        value = Py_NewRef(uop_call_total(e) == 3 ? args[2] : Py_None);
    }
    e->tmp = value;   /* NULL with the exception set when found < 0 */
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(INVOKE_LEN)
{
    Py_ssize_t n = PyObject_Length(uop_call_args(e)[0]);
    e->tmp = n < 0 ? NULL : sigil_int_new(e->ts, n);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(INVOKE_ISINSTANCE)
{
    PyObject **args = uop_call_args(e);
    int k = PyObject_IsInstance(args[0], args[1]);
    e->tmp = k < 0 ? NULL : Py_NewRef(k ? Py_True : Py_False);
    return SIGIL_UOP_OK;
}

/* What type's, str's and tuple's vectorcalls do with one argument (the
 * top of the stack: no self, one argument). */
SIGIL_UOP_BODY(INVOKE_TYPE_1) { e->tmp = Py_NewRef(Py_TYPE(E_TOP())); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(INVOKE_STR_1) { e->tmp = PyObject_Str(E_TOP()); return SIGIL_UOP_OK; }
SIGIL_UOP_BODY(INVOKE_TUPLE_1) { e->tmp = PySequence_Tuple(E_TOP()); return SIGIL_UOP_OK; }

/* An immutable type's tp_vectorcall never changes, and it is what
 * PyObject_Vectorcall would call. */
SIGIL_UOP_BODY(INVOKE_CLASS)
{
    PyObject *callable = uop_callable(e);
    size_t nargsf = (size_t)uop_call_total(e) | PY_VECTORCALL_ARGUMENTS_OFFSET;
    vectorcallfunc call = ((PyTypeObject *)callable)->tp_vectorcall;
    PyObject *r = call(callable, uop_call_args(e), nargsf, NULL);
    e->tmp = uop_check_result(e, callable, r);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(INVOKE_CFUNC_O)
{
    PyObject *callable = uop_callable(e);
    PyObject *r;
    UOP_CHARGED_CALL(e, r, PyCFunction_GET_FUNCTION(callable)(PyCFunction_GET_SELF(callable),
                                                              uop_call_args(e)[0]));
    e->tmp = uop_check_result(e, callable, r);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(INVOKE_CFUNC_FAST)
{
    PyObject *callable = uop_callable(e);
    PyCFunctionFast cfunc = (PyCFunctionFast)(void (*)(void))PyCFunction_GET_FUNCTION(callable);
    PyObject *self = PyCFunction_GET_SELF(callable);
    PyObject *r;
    UOP_CHARGED_CALL(e, r, cfunc(self, uop_call_args(e), uop_call_total(e)));
    e->tmp = uop_check_result(e, callable, r);
    return SIGIL_UOP_OK;
}

/* Called with no keyword names. */
SIGIL_UOP_BODY(INVOKE_CFUNC_FAST_KW)
{
    PyObject *callable = uop_callable(e);
    PyCFunctionFastWithKeywords cfunc =
        (PyCFunctionFastWithKeywords)(void (*)(void))PyCFunction_GET_FUNCTION(callable);
    PyObject *self = PyCFunction_GET_SELF(callable);
    PyObject *r;
    UOP_CHARGED_CALL(e, r, cfunc(self, uop_call_args(e), uop_call_total(e), NULL));
    e->tmp = uop_check_result(e, callable, r);
    return SIGIL_UOP_OK;
}

/* The descriptor's vectorcall, inline: its C function on self and the
 * rest of the arguments. */
static inline __attribute__((always_inline)) PyCFunction
uop_descr_meth(sigil_uop_env *e)
{
    return ((PyMethodDescrObject *)uop_callable(e))->d_method->ml_meth;
}

SIGIL_UOP_BODY(INVOKE_DESCR_NOARGS)
{
    PyObject **args = uop_call_args(e);
    PyObject *r;
    UOP_CHARGED_CALL(e, r, uop_descr_meth(e)(args[0], NULL));
    e->tmp = uop_check_result(e, uop_callable(e), r);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(INVOKE_DESCR_O)
{
    PyObject **args = uop_call_args(e);
    PyObject *r;
    UOP_CHARGED_CALL(e, r, uop_descr_meth(e)(args[0], args[1]));
    e->tmp = uop_check_result(e, uop_callable(e), r);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(INVOKE_DESCR_FAST)
{
    PyObject **args = uop_call_args(e);
    PyCFunctionFast meth = (PyCFunctionFast)(void (*)(void))uop_descr_meth(e);
    PyObject *r;
    UOP_CHARGED_CALL(e, r, meth(args[0], args + 1, uop_call_total(e) - 1));
    e->tmp = uop_check_result(e, uop_callable(e), r);
    return SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(INVOKE_DESCR_FAST_KW)
{
    PyObject **args = uop_call_args(e);
    PyCFunctionFastWithKeywords meth =
        (PyCFunctionFastWithKeywords)(void (*)(void))uop_descr_meth(e);
    PyObject *r;
    UOP_CHARGED_CALL(e, r, meth(args[0], args + 1, uop_call_total(e) - 1, NULL));
    e->tmp = uop_check_result(e, uop_callable(e), r);
    return SIGIL_UOP_OK;
}
#undef UOP_CHARGED_CALL

/* Drop the callable, self (when its slot holds one) and the arguments
 * (sigil_drop: a dead int or float argument, such as math.sin(i)'s, goes
 * to its free list). Out of line on purpose: one copy serves every C call
 * form, where an inlined copy per form cost more in instruction-cache
 * misses than the call does. */
static __attribute__((noinline, unused)) void
uop_call_drop(PyObject **args, int oparg)
{
    sigil_decref(args[-2]);
    if (args[-1] != NULL) {
        (void)sigil_drop(args[-1]);
    }
    for (int i = 0; i < oparg; i++) {
        (void)sigil_drop(args[i]);
    }
}

/* The end of a call form that called C: drop the callable and the
 * arguments, push the result (or raise), and check the eval breaker as
 * the generic CALL does. */
SIGIL_UOP_BODY(PUSH_CALL_RESULT)
{
    PyObject **args = uop_call_base(e);
    PyObject *r = e->tmp;
    e->tmp = NULL;
    uop_call_drop(args, e->oparg);
    e->sp = args - 2;
    if (r == NULL) {
        return SIGIL_UOP_ERROR;
    }
    *e->sp++ = r;
    return SIGIL_UOP_OK_CHECK;
}

/* The same end for a form whose guard fixed the count of arguments the
 * callee receives at n (self included): they are the top n slots, self's
 * among them when it holds one, and the callable is below the call, so
 * the drops need neither the self test nor a loop over oparg. The top
 * `moved` slots are not dropped: the call took their references (the item
 * list.append stored). `check` is 0 where CPython's own specialization
 * makes no eval-breaker check after the call (len, isinstance, type(x),
 * list.append): the next backward jump or checked call makes it. */
static inline __attribute__((always_inline)) int
uop_push_call_result_n(sigil_uop_env *e, int n, int moved, int check)
{
    assert(uop_call_total(e) == n);
    PyObject **top = e->sp;
    PyObject *callable = uop_callable(e);
    PyObject *r = e->tmp;
    e->tmp = NULL;
    e->sp = uop_call_base(e) - 2;
    Py_DECREF(callable);
    for (int i = moved + 1; i <= n; i++) {
        Py_DECREF(top[-i]);
    }
    if (r == NULL) {
        return SIGIL_UOP_ERROR;
    }
    *e->sp++ = r;
    return check ? SIGIL_UOP_OK_CHECK : SIGIL_UOP_OK;
}

SIGIL_UOP_BODY(PUSH_CALL_RESULT_1) { return uop_push_call_result_n(e, 1, 0, 1); }
SIGIL_UOP_BODY(PUSH_CALL_RESULT_2) { return uop_push_call_result_n(e, 2, 0, 1); }
SIGIL_UOP_BODY(PUSH_BUILTIN_RESULT_1) { return uop_push_call_result_n(e, 1, 0, 0); }
SIGIL_UOP_BODY(PUSH_BUILTIN_RESULT_2) { return uop_push_call_result_n(e, 2, 0, 0); }
/* list.append: callable and list dropped, the item's reference already the
 * list's (LIST_APPEND_LOCKED). */
SIGIL_UOP_BODY(PUSH_APPEND_RESULT) { return uop_push_call_result_n(e, 2, 1, 0); }
