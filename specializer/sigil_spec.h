/* sigil_spec.h: choosing, publishing and retracting specialized words.
 *
 * This first layer covers families whose guards are exact-type checks on
 * the operands (BINARY_OP on int/float/str, COMPARE_OP, TO_BOOL): their
 * actions touch only immutable objects, so a specialized word needs no
 * cache record and cannot act on state another thread changes; the
 * protocol in docs/specializer.md (records, snapshots, QSBR retirement)
 * is exercised by the families that follow.
 *
 * Adaptive counter (ORDER BACKOFF), one uint16 per code unit:
 *   bits 0..11  executions left before the next attempt (generic word), or
 *               guard misses left before deoptimization (specialized word)
 *   bits 12..15 backoff exponent: each failed attempt or deopt doubles the
 *               wait, up to 2^12 - 1 executions; a successful publication
 *               takes one off (so periodic invalidation does not ratchet
 *               a site into staying generic)
 */
#ifndef SIGIL_SPEC_H
#define SIGIL_SPEC_H

#include "sigil_code.h"
#include "sigil_runtime.h"

#define SIGIL_SPEC_MISS_BUDGET 8
/* An entry replaced after a class change is charged to the budget only
 * if it lived less than this many times what replacing it cost
 * (sigil_spec.c, replaced_soon): so a site spends at most about 1/32 of
 * its time respecializing before the budget decides. About 5 us in the
 * release build on this host. */
#define SIGIL_REPLACE_SOON_FACTOR 32
/* A miss by an operand of a new kind at a full polymorphic record is
 * charged to the budget once in this many (per thread; sigil_spec.c,
 * full_record_miss), and a spent budget rotates the record (it starts over
 * from the new kind and grows again) instead of deoptimizing it: a site
 * that sees more kinds than a record holds keeps a record, and one whose
 * kinds changed for good gets entries for the new ones. */
#define SIGIL_FULL_MISS_CHARGE 16
/* Each rotation of a record past its first SIGIL_POLY_MAX doubles that
 * interval, up to this many times (one charged miss in 256, a rotation
 * per 2048 misses at most: a site that was megamorphic and then sees new
 * kinds holds them after about 2,048 misses). */
#define SIGIL_ROTATE_SLOWDOWN_MAX 4

/* CPython 3.13 has no CALL_PY_WITH_DEFAULTS (3.12 had; 3.13's
 * CALL_PY_GENERAL covers it): Sigil numbers it in the unused gap after
 * the last specialized opcode, below the instrumented range. */
#define CALL_PY_WITH_DEFAULTS 223
_Static_assert(CALL_PY_WITH_DEFAULTS > UNPACK_SEQUENCE_TWO_TUPLE &&
                   CALL_PY_WITH_DEFAULTS < MIN_INSTRUMENTED_OPCODE,
               "Sigil's own form numbers must not collide with CPython's");

/* Sigil's own int form for the operators CPython 3.13 leaves generic,
 * computed in 64-bit arithmetic. */
#define BINARY_OP_INT64 228
_Static_assert(BINARY_OP_INT64 > UNPACK_SEQUENCE_TWO_TUPLE &&
                   BINARY_OP_INT64 < MIN_INSTRUMENTED_OPCODE,
               "Sigil's own form numbers must not collide with CPython's");

/* Sigil's own float form for the float arithmetic CPython 3.13 leaves
 * generic: mixed float/int operands, /, ** (sigil_uop_arith.h). */
#define BINARY_OP_FLOAT_ARITH 227
_Static_assert(BINARY_OP_FLOAT_ARITH > UNPACK_SEQUENCE_TWO_TUPLE &&
                   BINARY_OP_FLOAT_ARITH < MIN_INSTRUMENTED_OPCODE,
               "Sigil's own form numbers must not collide with CPython's");

/* Sigil's own forms for sites whose operands change kind, chosen once the
 * site has deoptimized (`unstable` below), numbered in CPython's unused
 * gap between YIELD_VALUE and RESUME, one after another:
 *   TO_BOOL_MIXED               truth of the builtin kinds and of one class
 *                               without __bool__ or __len__ (TRUTH_MIXED)
 *   BINARY_SUBSCR_SEQUENCE_INT  a list or a tuple by a small int
 *                               (sigil_uop_container.h, SUBSCR_SEQUENCE_INT)
 *   COMPARE_OP_NUMERIC          two numbers, compact ints or floats in any
 *                               mix (COMPARE_NUMERIC)
 *   BINARY_OP_NUMERIC           +, - and * on ints or floats (BINARY_NUMERIC)
 * (the bodies not named with a file are in sigil_uop_arith.h). */
#define TO_BOOL_MIXED 142
#define BINARY_SUBSCR_SEQUENCE_INT 143
#define COMPARE_OP_NUMERIC 144
#define BINARY_OP_NUMERIC 145
_Static_assert(TO_BOOL_MIXED > YIELD_VALUE && BINARY_OP_NUMERIC < RESUME,
               "Sigil's own form numbers must not collide with CPython's");

/* Sigil's own CALL_KW form (CPython 3.13 specializes no CALL_KW). */
#define CALL_KW_PY 232
_Static_assert(CALL_KW_PY > UNPACK_SEQUENCE_TWO_TUPLE && CALL_KW_PY < MIN_INSTRUMENTED_OPCODE &&
                   CALL_KW_PY != CALL_PY_WITH_DEFAULTS,
               "Sigil's own form numbers must not collide with CPython's");

/* Sigil's own form for dict.get (see sigil_uop_call.h: INVOKE_DICT_GET). */
#define CALL_DICT_GET 233
_Static_assert(CALL_DICT_GET > UNPACK_SEQUENCE_TWO_TUPLE && CALL_DICT_GET < MIN_INSTRUMENTED_OPCODE,
               "Sigil's own form numbers must not collide with CPython's");

/* CALL_KW_PY's parameter map (rec->version2): keyword argument j fills
 * parameter (map >> 4j) & 15, so up to 8 keywords and 16 parameters. */
#define SIGIL_KW_MAX_KEYWORDS 8
#define SIGIL_KW_MAX_PARAMS 16

/* The ml_flags bits that select a builtin's calling convention (the bits
 * CPython switches on when it picks a builtin's vectorcall). */
#define SIGIL_METH_CALLCONV \
    (METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O | METH_KEYWORDS | METH_METHOD)

/* Backoff exponent from which a thread updates a generic word's counter on
 * only one of its executions in SIGIL_SPEC_SAMPLE. The counters of a code
 * object are shared by every thread running it: decrementing one on every
 * execution of an instruction that keeps failing to specialize would bounce
 * its cache line between cores at the rate of execution (measured: 2
 * threads slower than 1 on a loop of unspecializable instructions). Fresh
 * instructions (exponent below it) still count every execution, so a hot
 * instruction specializes as early as on one thread. */
#define SIGIL_SPEC_SAMPLE_FROM_EXP 3
#define SIGIL_SPEC_SAMPLE 64

/* Should the generic instruction at pc try to specialize now? Decrements
 * the wait otherwise. Relaxed: a lost decrement only delays an attempt. */
static inline int
sigil_spec_should_try(sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc, sigil_family fam)
{
    if (sigil_counting()) {
        sigil_family_bump(ts, fam, SIGIL_FAMCTR_generic);
    }
    uint16_t c = atomic_load_explicit(&sc->counters[pc], memory_order_relaxed);
    if ((c & 0xfff) == 0) {
        return 1;
    }
    if ((c >> 12) >= SIGIL_SPEC_SAMPLE_FROM_EXP && (++ts->spec_tick & (SIGIL_SPEC_SAMPLE - 1)) != 0) {
        return 0;
    }
    atomic_store_explicit(&sc->counters[pc], (uint16_t)(c - 1), memory_order_relaxed);
    return 0;
}

/* A specialized word's guard failed: 1 if it has used up its miss budget
 * and should be turned back to the generic form. Relaxed, as every counter
 * access: the counter orders nothing, and two threads' decrements racing
 * lose one, which lets the site miss once more. */
static inline int
sigil_spec_miss(sigil_code *sc, Py_ssize_t pc)
{
    uint16_t c = atomic_load_explicit(&sc->counters[pc], memory_order_relaxed);
    if ((c & 0xfff) <= 1) {
        return 1;
    }
    atomic_store_explicit(&sc->counters[pc], (uint16_t)(c - 1), memory_order_relaxed);
    return 0;
}

/* -- Choosers' results ----------------------------------------------------
 * A chooser returns a form (a CPython specialized opcode, >= 0) or a
 * negative failure: SIGIL_SPEC_NA (-1) when the operands are not of the
 * kind it handles (another chooser may), or sigil_spec_fail(reason) with a
 * reason of sigil_specfail.def, counted as FAMILY.fail.<reason> by
 * sigil_spec_attempt*. */
#define SIGIL_SPEC_NA (-1)

static inline int
sigil_spec_fail(sigil_specfail reason)
{
    return -2 - (int)reason;
}

/* The reason a failed result reports (NA: other). */
static inline sigil_specfail
sigil_spec_reason(int result)
{
    return result <= -2 ? (sigil_specfail)(-2 - result) : SIGIL_SF_other;
}

/* Chaining choosers: `next` if it found a form or `first` was only NA;
 * otherwise the first specific failure stands (it says why the form the
 * operands were first taken for did not apply). */
static inline int
sigil_spec_or(int first, int next)
{
    return (next >= 0 || first == SIGIL_SPEC_NA) ? next : first;
}

/* The form (a CPython specialized opcode) for these operands, or a
 * failure (above). */
/* (BINARY_OP: `next` is the instruction after it and `locals` the frame's,
 * for the in-place str form.) */
/* PyUnstable_Type_AssignVersionTag, plus a bounded grant of more versions
 * to a class that has used up CPython's allowance (sigil_spec.c, "Type
 * versions"). 1 if `tp` has a version now. */
int sigil_type_version(PyTypeObject *tp);

/* `unstable`: the site has deoptimized since its last publication (its
 * counter's backoff exponent is not zero), so its operands have changed
 * kind: + - * on numbers then take BINARY_OP_NUMERIC. */
int sigil_spec_binary_op(int oparg, PyObject *lhs, PyObject *rhs, const _Py_CODEUNIT *next,
                         PyObject *const *locals, int unstable);
int sigil_spec_load_super_attr(int oparg, PyObject *global_super, PyObject *klass);
int sigil_spec_send(PyObject *receiver);
/* `unstable` as for sigil_spec_binary_op: numbers then take
 * COMPARE_OP_NUMERIC, as an int compared with a float always does. */
int sigil_spec_compare_op(int oparg, PyObject *lhs, PyObject *rhs, int unstable);
int sigil_spec_to_bool(PyObject *value);
/* TO_BOOL_ALWAYS_TRUE if `value`'s type defines no truth or length slot,
 * filling rec->version with the type version that says so; -1 otherwise. */
int sigil_spec_to_bool_always_true(PyObject *value, sigil_record *rec);
/* TO_BOOL_MIXED, for a site that has deoptimized (`unstable` as for
 * sigil_spec_binary_op): a builtin kind, with rec->version 0, or an
 * instance of a type without __bool__ or __len__, with its version; a
 * failure otherwise. */
int sigil_spec_to_bool_mixed(PyObject *value, sigil_record *rec);
int sigil_spec_for_iter(PyObject *iter);
/* `unstable` as for sigil_spec_binary_op: a list or a tuple then takes
 * BINARY_SUBSCR_SEQUENCE_INT, which serves both. */
int sigil_spec_binary_subscr(PyObject *container, PyObject *sub, int unstable);
/* BINARY_SUBSCR_GETITEM: a heap type whose __getitem__ is a simple
 * two-argument Python function, filling rec (type version, the function
 * and its version); a failure otherwise. */
int sigil_spec_binary_subscr_getitem(PyObject *container, sigil_record *rec);
int sigil_spec_unpack_sequence(PyObject *seq, int n);
int sigil_spec_contains_op(PyObject *container);
int sigil_spec_store_subscr(PyObject *container, PyObject *sub);
/* STORE_ATTR_INSTANCE_VALUE for storing `name` on `owner` (an attribute
 * already in the type's shared keys, no class attribute of that name),
 * filling `rec`; -1 otherwise. */
int sigil_spec_store_attr(PyObject *owner, PyObject *name, sigil_record *rec);
/* Is `o` private to this thread in practice: created by it, with no
 * reference currently counted by another thread (a thread that increfs an
 * object it does not own adds to ob_ref_shared)? Not a proof: a reference
 * handed over without an increment (e.g. list.pop in another thread of a
 * list this thread filled) is counted locally. */
static inline int
sigil_thread_private(PyObject *o)
{
    return _Py_IsOwnedByCurrentThread(o) && _Py_atomic_load_ssize_relaxed(&o->ob_ref_shared) == 0;
}
/* LOAD_GLOBAL_MODULE if `name` is in `globals` (an exact dict with
 * unicode keys) at an index below 2^16; *index receives it. */
int sigil_spec_load_global(PyObject *globals, PyObject *name, int *index);

/* LOAD_GLOBAL_BUILTIN if `name` is absent from `globals` and present in
 * `builtins` (both exact dicts with unicode keys), filling `rec` with the
 * world version (or both keys versions: LOAD_GLOBAL_BUILTIN_KEYS) and the
 * builtins entry index; with `keyed`, LOAD_GLOBAL_BUILTIN_KEYED where the
 * world version is used (sigil_spec.c says how); -1 otherwise. */
int sigil_spec_load_global_builtin(sigil_runtime *rt, sigil_tstate *ts, PyObject *globals,
                                   PyObject *builtins, PyObject *name, int keyed,
                                   sigil_record *rec);
/* LOAD_ATTR_MODULE for `name` on an exact module whose dict has it (no
 * keys version to assign, so no SiJiL). */
int sigil_spec_load_attr_module(PyObject *owner, PyObject *name, sigil_record *rec);
/* LOAD_ATTR_INSTANCE_VALUE or LOAD_ATTR_METHOD_WITH_VALUES (method: the
 * LOAD_ATTR oparg's low bit) for this owner and name, filling `rec`'s
 * guard and cache fields; -1 if neither applies. Takes the locks that
 * make the recorded versions describe the recorded cache. */
int sigil_spec_load_attr(sigil_runtime *rt, sigil_tstate *ts, PyObject *owner, PyObject *name,
                         int method, sigil_record *rec);
/* CPython 3.13 has no LOAD_ATTR_CLASS_WITH_METACLASS_CHECK (3.14 does):
 * Sigil numbers it in the gap after the last specialized opcode, from
 * its top down (the bottom is taken by the CALL forms Sigil adds). */
#define LOAD_ATTR_CLASS_WITH_METACLASS_CHECK 235
_Static_assert(LOAD_ATTR_CLASS_WITH_METACLASS_CHECK > UNPACK_SEQUENCE_TWO_TUPLE &&
                   LOAD_ATTR_CLASS_WITH_METACLASS_CHECK < MIN_INSTRUMENTED_OPCODE,
               "Sigil's own form numbers must not collide with CPython's");
/* The other LOAD_ATTR forms: for a class as owner LOAD_ATTR_CLASS
 * (metaclass type) or LOAD_ATTR_CLASS_WITH_METACLASS_CHECK (another
 * metaclass, versioned); for an instance of a type with a Python
 * __getattribute__ LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN; and for an instance
 * of a type without inline values LOAD_ATTR_SLOT, LOAD_ATTR_PROPERTY,
 * LOAD_ATTR_METHOD_NO_DICT / _LAZY_DICT and
 * LOAD_ATTR_NONDESCRIPTOR_NO_DICT, filling `rec`; -1 if none applies. */
int sigil_spec_load_attr_other(PyObject *owner, PyObject *name, int method, sigil_record *rec);
/* Sigil's forms for a class attribute that is an exact classmethod or
 * staticmethod (CPython 3.13 leaves these loads generic; 3.14 special-cases
 * them in its method lookup): the record caches the descriptor, made
 * deferred-RC if it was not (sigil_consts.h), and rec->index holds the
 * offset of its wrapped callable, shifted left once, with the low bit set
 * for a classmethod. For an instance with inline values
 * (LOAD_ATTR_WRAPPED_WITH_VALUES) and for a class whose metaclass is type
 * (LOAD_ATTR_CLASS_WRAPPED); a classmethod only where the load feeds a
 * call (the LOAD_ATTR oparg's low bit), which needs no bound method. */
#define LOAD_ATTR_WRAPPED_WITH_VALUES 224
#define LOAD_ATTR_CLASS_WRAPPED 225
_Static_assert(LOAD_ATTR_WRAPPED_WITH_VALUES > UNPACK_SEQUENCE_TWO_TUPLE &&
                   LOAD_ATTR_CLASS_WRAPPED < MIN_INSTRUMENTED_OPCODE &&
                   LOAD_ATTR_CLASS_WRAPPED != CALL_PY_WITH_DEFAULTS &&
                   LOAD_ATTR_WRAPPED_WITH_VALUES != CALL_PY_WITH_DEFAULTS,
               "Sigil's own form numbers must not collide with CPython's");
/* Sigil's polymorphic attribute forms (CPython 3.13 has none): a record
 * of up to SIGIL_POLY_MAX entries, each a monomorphic form of the family
 * that begins with the owner's type-version guard, selected by that
 * version. Numbered in the gap below the instrumented opcodes. */
#define LOAD_ATTR_POLY 234
#define STORE_ATTR_POLY 231
/* ... and for class attributes (LOAD_ATTR_CLASS and
 * LOAD_ATTR_CLASS_WITH_METACLASS_CHECK entries), selected by the owner
 * class's own version. */
#define LOAD_ATTR_CLASS_POLY 229
_Static_assert(LOAD_ATTR_POLY > UNPACK_SEQUENCE_TWO_TUPLE && LOAD_ATTR_POLY < MIN_INSTRUMENTED_OPCODE &&
                   LOAD_ATTR_CLASS_POLY > UNPACK_SEQUENCE_TWO_TUPLE &&
                   LOAD_ATTR_CLASS_POLY < MIN_INSTRUMENTED_OPCODE &&
                   STORE_ATTR_POLY > UNPACK_SEQUENCE_TWO_TUPLE &&
                   STORE_ATTR_POLY < MIN_INSTRUMENTED_OPCODE,
               "Sigil's own form numbers must not collide with CPython's");
/* The same for calls of Python functions (CPython 3.13 has none):
 * entries are CALL_PY_EXACT_ARGS / CALL_PY_WITH_DEFAULTS, selected by the
 * callable function's version. */
#define CALL_PY_POLY 230
_Static_assert(CALL_PY_POLY > UNPACK_SEQUENCE_TWO_TUPLE && CALL_PY_POLY < MIN_INSTRUMENTED_OPCODE,
               "Sigil's own form numbers must not collide with CPython's");
/* LOAD_GLOBAL_BUILTIN guarded by keys versions, as CPython 3.13 guards
 * it: chosen when the world version is unavailable (no dict watcher slot,
 * the name registry full, or switched off by sigil._set_world). */
#define LOAD_GLOBAL_BUILTIN_KEYS 147
_Static_assert(LOAD_GLOBAL_BUILTIN_KEYS > YIELD_VALUE && LOAD_GLOBAL_BUILTIN_KEYS < RESUME &&
                   LOAD_GLOBAL_BUILTIN_KEYS != 148,
               "Sigil's own form numbers must not collide with CPython's");
/* LOAD_GLOBAL_PINNED (runtime/sigil_world.c, "Pinned globals"): a global
 * whose value is mortal, read through a record that caches the value and
 * is guarded by the world version alone; the unpinning that any store,
 * deletion or clear of the name brings bumps the version and stops the
 * world before the dict drops its reference. It lets the interpreter run
 * `G[k]`, `G["k"]` and `k in G` on a pinned dict without counting a
 * reference to it. In CPython's gap between YIELD_VALUE and RESUME. */
#define LOAD_GLOBAL_PINNED 146
_Static_assert(LOAD_GLOBAL_PINNED > YIELD_VALUE && LOAD_GLOBAL_PINNED < RESUME &&
                   LOAD_GLOBAL_PINNED != LOAD_GLOBAL_BUILTIN_KEYS,
               "Sigil's own form numbers must not collide with CPython's");
/* LOAD_GLOBAL_MODULE_KEYS: a module global read through a record that
 * keeps the globals' keys version and where the entry's value lies in that
 * keys object (sigil_uop_global.h, LOAD_GLOBALS_KEYED), as CPython 3.13's
 * own LOAD_GLOBAL_MODULE guards it; a site whose keys change once is
 * demoted to Sigil's index-and-name LOAD_GLOBAL_MODULE for good. In
 * CPython's gap between YIELD_VALUE and RESUME. */
#define LOAD_GLOBAL_MODULE_KEYS 141
_Static_assert(LOAD_GLOBAL_MODULE_KEYS > YIELD_VALUE && LOAD_GLOBAL_MODULE_KEYS < TO_BOOL_MIXED,
               "Sigil's own form numbers must not collide with CPython's or each other");
/* LOAD_GLOBAL_BUILTIN_KEYED: LOAD_GLOBAL_BUILTIN (the world version
 * vouches for the name's absence from the globals) whose builtins entry is
 * found by the builtins' keys version and a recorded value-slot offset
 * rather than by index and name; demoted to LOAD_GLOBAL_BUILTIN at a
 * site's first miss. */
#define LOAD_GLOBAL_BUILTIN_KEYED 140
_Static_assert(LOAD_GLOBAL_BUILTIN_KEYED > YIELD_VALUE &&
                   LOAD_GLOBAL_BUILTIN_KEYED < LOAD_GLOBAL_MODULE_KEYS,
               "Sigil's own form numbers must not collide with CPython's or each other");
/* Under the SiJiL and the critical section of `globals`: the pinned form
 * for the global `name` at entry `index` (what sigil_spec_load_global
 * found), filling `rec`; -1 when the value is immortal, the world is off,
 * the pin registry refuses (the name was unpinned before, or it is full),
 * or the entry moved. */
int sigil_spec_load_global_pinned(sigil_runtime *rt, sigil_tstate *ts, PyObject *globals,
                                  PyObject *name, int index, sigil_record *rec);
/* The keys-version form for the global `name` at entry `index` (what
 * sigil_spec_load_global found), filling `rec` with the keys version
 * (assigned if the keys have none) and the entry's value-slot offset in the
 * keys object, both read under the SiJiL and the critical section of
 * `globals`, which it takes; -1 when the entry moved or CPython's versions
 * are used up. */
int sigil_spec_load_global_keys(sigil_runtime *rt, sigil_tstate *ts, PyObject *globals,
                                PyObject *name, int index, sigil_record *rec);
/* A keys-version word `seen` that missed (its keys changed, or the value
 * is gone): publish in its place, under the SiJiL and only if the word is
 * still `seen`, the index-and-name form (for LOAD_GLOBAL_MODULE_KEYS,
 * LOAD_GLOBAL_MODULE at the name's current index; for
 * LOAD_GLOBAL_BUILTIN_KEYED, the LOAD_GLOBAL_BUILTIN record the chooser
 * makes now) and retire the old record, so that a site whose keys change
 * once stops depending on them. 1 if published (the instruction runs
 * again); 0 otherwise (an ordinary miss). */
int sigil_spec_global_demote(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                             sigil_word seen, PyObject *globals, PyObject *builtins,
                             PyObject *name);
/* Sigil's record form of super(class, self).name feeding a call (CPython
 * 3.13 calls _PySuper_Lookup, which takes the type lock, every time): the
 * method found past class on type(self)'s MRO, cached, keyed by the
 * versions of type(self) (rec->version) and of class (rec->version2); and
 * its polymorphic record, entries selected by type(self)'s version. The
 * polymorphic number lies in CPython's gap between YIELD_VALUE and RESUME
 * (223-235 are taken). */
#define LOAD_SUPER_ATTR_METHOD_CACHED 226
#define LOAD_SUPER_ATTR_POLY 148
_Static_assert(LOAD_SUPER_ATTR_METHOD_CACHED > UNPACK_SEQUENCE_TWO_TUPLE &&
                   LOAD_SUPER_ATTR_METHOD_CACHED < MIN_INSTRUMENTED_OPCODE &&
                   LOAD_SUPER_ATTR_POLY > YIELD_VALUE && LOAD_SUPER_ATTR_POLY < RESUME,
               "Sigil's own form numbers must not collide with CPython's");
/* The LOAD_SUPER_ATTR form for super(klass, self).name (the oparg's low
 * bit: the load feeds a call): the record form when it applies (filling
 * `rec`), else LOAD_SUPER_ATTR_ATTR / _METHOD. */
int sigil_spec_load_super_attr_any(int oparg, PyObject *global_super, PyObject *klass,
                                   PyObject *self, PyObject *name, sigil_record *rec);
/* Any LOAD_ATTR form for this owner (the choosers above, in the order the
 * interpreter tries them; failures chain as sigil_spec_or says). */
int sigil_spec_load_attr_any(sigil_runtime *rt, sigil_tstate *ts, PyObject *owner,
                             PyObject *name, int method, sigil_record *rec);
/* Any STORE_ATTR form for this owner. */
int sigil_spec_store_attr_any(PyObject *owner, PyObject *name, sigil_record *rec);
/* sigil_spec_call, with what a polymorphic call record needs (the
 * *_any choosers all mark a form that can be an entry with the object
 * its version belongs to). */
int sigil_spec_call_any(sigil_runtime *rt, PyObject *callable, PyObject *self_or_null, int nargs,
                        sigil_record *rec);
/* A miss of the LOAD_ATTR or STORE_ATTR record word `seen` at pc: if the
 * owner's type is one no entry of the record covers, its form is one a
 * polymorphic record can hold, and the record has room, publish (under
 * the SiJiL, if the word is still `seen`) a polymorphic record of the old
 * entries plus the new one, and retire the old record. 1 if published
 * (the caller runs the instruction again from the new word); -1 if the
 * record is full and this miss is not charged to the budget (it runs
 * generic; full_record_miss); 0 otherwise (an ordinary miss). */
int sigil_spec_attr_grow(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                         sigil_word seen, sigil_family fam, PyObject *owner, PyObject *name,
                         int method);
/* The same for a CALL record word and a callable that is a function. */
int sigil_spec_call_grow(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                         sigil_word seen, PyObject *callable, PyObject *self_or_null, int nargs);
/* The same for a LOAD_SUPER_ATTR record word and a receiver self of
 * another type. */
int sigil_spec_super_grow(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                          sigil_word seen, PyObject *global_super, PyObject *klass, PyObject *self,
                          PyObject *name);
/* A miss of a TO_BOOL_MIXED record word `seen` that holds no class
 * (it was chosen at a builtin value) on an instance of a class without
 * __bool__ or __len__: publish the form again with that class's version
 * (under the SiJiL, if the word is still `seen`; the record is retired).
 * 1 if published; 0 otherwise (an ordinary miss). A record that holds a
 * class never grows. */
int sigil_spec_to_bool_grow(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                            sigil_word seen, PyObject *value);
/* A LOAD_SUPER_ATTR record word whose miss budget is spent: publish the
 * immediate method form in its place when the operands allow it (under
 * the SiJiL, if the word is still `seen`; the record is retired). 1 if
 * published. */
int sigil_spec_super_demote(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                            sigil_word seen, PyObject *global_super, PyObject *klass);
/* LOAD_ATTR_WITH_HINT: an instance attribute held in the instance's own
 * (materialized, combined unicode) dict, no class attribute of the name;
 * the entry index in rec->index. */
int sigil_spec_load_attr_hint(PyObject *owner, PyObject *name, sigil_record *rec);
/* STORE_ATTR_WITH_HINT: the same, for a store to an existing entry. */
int sigil_spec_store_attr_hint(PyObject *owner, PyObject *name, sigil_record *rec);
/* STORE_ATTR_SLOT for a writable object slot named `name`, filling `rec`. */
int sigil_spec_store_attr_slot(PyObject *owner, PyObject *name, sigil_record *rec);
/* The CALL form for a call of `callable` with `nargs` arguments (plus
 * self if self_or_null): Python functions (exact args, with defaults,
 * bound methods), builtin functions, classes and method descriptors,
 * filling `rec`; -1 if none applies. */
int sigil_spec_call(sigil_runtime *rt, PyObject *callable, PyObject *self_or_null, int nargs,
                    sigil_record *rec);
/* CALL_KW: nargs counts positional and keyword arguments (not self). */
int sigil_spec_call_kw(sigil_runtime *rt, PyObject *callable, PyObject *self_or_null, int nargs,
                       PyObject *kwnames, sigil_record *rec);

/* Attempt at pc with the chosen form (negative: a failure, above): under
 * the SiJiL, publish the specialized word if the word is still `seen`.
 * Counts attempts, successes and failures (with their reason) for `fam`,
 * and sets the counter (miss budget on
 * success, doubled backoff on failure). */
void sigil_spec_attempt(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                        sigil_word seen, sigil_family fam, int form);
/* The same, for a form that carries an aux immediate in its word. */
void sigil_spec_attempt_aux(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                            sigil_word seen, sigil_family fam, int form, uint16_t aux);

/* Attempt at pc with a form whose cache is the record `init` (filled by
 * one of the deciders above; negative: a failure): a copy is allocated and, under the
 * SiJiL, published with the word if the word is still `seen`, or freed. */
void sigil_spec_attempt_record(sigil_runtime *rt, sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc,
                               sigil_word seen, sigil_family fam, int form,
                               const sigil_record *init);

/* Turn the specialized word `seen` at pc back to `base_op` (no lock: a
 * move towards generic can only make a concurrent publication's CAS fail,
 * and that publisher retries later). Counts the deopt, backs off. A record
 * word's record is retired by the thread whose CAS unpublished it. */
void sigil_spec_deopt(sigil_tstate *ts, sigil_code *sc, Py_ssize_t pc, sigil_word seen,
                      sigil_family fam, int base_op);

/* The specialization lock: taken only to publish; counts acquisitions and
 * contention. */
void sigil_sijil_lock(sigil_runtime *rt, sigil_tstate *ts);
void sigil_sijil_unlock(sigil_runtime *rt);
int sigil_sijil_is_held(sigil_runtime *rt);

#endif /* SIGIL_SPEC_H */
