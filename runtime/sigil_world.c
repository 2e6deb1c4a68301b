/* sigil_world.c: the world version and the globals watcher that keeps it.
 *
 * LOAD_GLOBAL_BUILTIN must know that its name is still absent from the
 * module's globals. CPython 3.13 (and Sigil's LOAD_GLOBAL_BUILTIN_KEYS)
 * records the globals' keys version, which any insertion or deletion of
 * any name zeroes: a module that adds and deletes a scratch global makes
 * every builtin site that reads its globals miss, deopt and re-specialize,
 * and with threads the re-specializations meet on the SiJiL and the
 * dicts' locks (in a two-thread run of shared_global_write, 22% of the
 * samples were threads yielding on those locks).
 *
 * Instead, the chooser registers the name, watches the globals dict
 * (PyDict_Watch) and records the world version and the dict's identity.
 * The watcher bumps the version when a watched dict
 * - gains a registered name, or any key not an exact str (a str subclass
 *   could hash and compare equal to one): the name may now hide a builtin;
 * - is filled by cloning another dict's keys (dict.update into an empty
 *   dict: no per-key events);
 * - dies: a record compares the dict's address, which a new dict could
 *   reuse.
 * Deletions, clears and value changes cannot make a global hide a builtin
 * and are ignored; the builtins entry itself is checked by its name at the
 * recorded index, so changes to the builtins need no version either.
 *
 * Ordering. CPython calls a dict watcher before it applies the change,
 * holding the dict's critical section. The chooser registers the name,
 * looks the name up, watches the dict and reads the version inside that
 * same critical section, so each insertion of the name either comes
 * wholly before it (the lookup finds the name: no builtin form) or wholly
 * after it (the watcher, called under the lock the chooser released,
 * finds the name registered and bumps the version past the recorded one).
 * The bump is a relaxed add and the guard a relaxed load: a reader that
 * can know of the insertion (its thread synchronized with the inserting
 * thread after the insertion) has the bump, sequenced before the
 * insertion, happen before its load, and coherence makes that load return
 * the bumped value; a reader that cannot know of it may take the builtin,
 * as if it ran before the insertion.
 *
 * Pinned globals. A thread that loads a global another thread owns (a
 * module-level table every thread reads) counts a reference to it with an
 * atomic add on the value's shared count, and drops it with another: two
 * threads doing `TABLE[k]` bounce the dict's first cache line, which also
 * holds the keys pointer every lookup reads (shared_dict_read scaled 1.64x
 * at 2 threads; the same run with the dict made immortal by hand, 1.86x).
 * The chooser may instead *pin* a global whose value is mortal: it records
 * (globals dict, name) in the pin registry and watches the dict, in the
 * same critical section in which it reads the entry and the world version,
 * and the record (LOAD_GLOBAL_PINNED) caches the value itself, guarded by
 * that version alone. The value stays alive while the version holds:
 * before a store, deletion or clear of a pinned name (and before the dict
 * drops its reference: CPython calls the watcher first), the watcher marks
 * the pin dead, bumps the version, and waits out every *pin window*: a
 * thread opens its window (a store to its own sigil_tstate) before it
 * checks the version and closes it (a release store) once it holds a
 * reference or has finished using the value without one. Between the
 * bump and the wait the watcher runs membarrier(2), which puts a full
 * barrier on every running thread: a window opened before that barrier is
 * visible to the wait, and a check made after it loads the bumped version
 * (a store-load pair, Dekker's, whose reader half costs no fence). The
 * wait never detaches from the interpreter (a stop of the world would:
 * CPython holds the dict's critical section around the watcher call and
 * applies the change with what it looked up before it, and a detach would
 * let another thread change the dict in between), and it cannot deadlock:
 * a window takes no lock and runs no code. That lets the interpreter run
 * `G[k]`, `G["k"]` and `k in G` on a pinned dict without counting a
 * reference at all (sigil_interp.c, "Pinned globals"). Lifetimes do not
 * change: no reference is held anywhere, the dict's own keeps the value
 * exactly as long as without Sigil. A name once unpinned in a dict is
 * never pinned there again, so a global that is rebound costs one wait,
 * not one per store; the registry is bounded, so the waits are too.
 */
#include "sigil_world.h"
#include "sigil_spec.h"
#include "sigil_fault.h"
#include "sigil_stats.h"

#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The registry of names: open addressing on the str hash, insert-only,
 * strong references kept until exit. Inserts happen under the SiJiL; the
 * watcher probes from any thread without a lock. A name is published by
 * a release store of its slot after its hash is written; the watcher's
 * acquire load of the slot makes the hash visible. A probe that meets a
 * slot still empty stops there: see sigil_world_add_name for why a name
 * being added concurrently cannot be one the probe needs. */
#define WORLD_NAMES 4096            /* a power of two */
#define WORLD_NAMES_MAX (WORLD_NAMES * 3 / 4)

typedef struct sigil_world_names {
    Py_ssize_t used;                /* under the SiJiL */
    struct {
        _Atomic(PyObject *) name;
        Py_hash_t hash;
    } slot[WORLD_NAMES];
} sigil_world_names;

static int
names_contain(sigil_world_names *t, PyObject *key, Py_hash_t hash)
{
    size_t mask = WORLD_NAMES - 1, i = (size_t)hash & mask;
    for (size_t n = 0; n < WORLD_NAMES; n++, i = (i + 1) & mask) {
        PyObject *name = atomic_load_explicit(&t->slot[i].name, memory_order_acquire);
        if (name == NULL) {
            return 0;
        }
        /* Both exact strs: the comparison runs no Python code. */
        if (name == key || (t->slot[i].hash == hash && _PyUnicode_Equal(name, key))) {
            return 1;
        }
    }
    return 0;
}

/* -- Pinned globals ----------------------------------------------------------
 * The pin registry: open addressing on (dict address, name hash); entries
 * are added under the SiJiL and the critical section of their dict, never
 * removed (a dead entry remembers that its name was unpinned there). The
 * watcher probes without a lock: a slot is published by a release store
 * of its dict pointer after its name, hash and state are written. */
#define PINS 1024                   /* a power of two */
#define PINS_MAX (PINS * 3 / 4)

enum { PIN_LIVE = 1, PIN_DEAD = 2 };

typedef struct sigil_pins {
    int used;                       /* under the SiJiL */
    struct {
        _Atomic(PyObject *) dict;   /* compared by address only */
        PyObject *name;             /* exact str; strong reference until exit */
        Py_hash_t hash;
        _Atomic int state;          /* PIN_LIVE until the watcher kills it */
    } slot[PINS];
} sigil_pins;

static inline size_t
pin_start(PyObject *dict, Py_hash_t hash)
{
    return ((size_t)hash ^ ((uintptr_t)dict >> 4)) & (PINS - 1);
}

/* The slot of (dict, name), or -1. `name` is a str (maybe a subclass's
 * instance, which the dict matched by equality). */
static int
pin_find(sigil_pins *t, PyObject *dict, PyObject *name, Py_hash_t hash)
{
    size_t i = pin_start(dict, hash);
    for (int n = 0; n < PINS; n++, i = (i + 1) & (PINS - 1)) {
        PyObject *d = atomic_load_explicit(&t->slot[i].dict, memory_order_acquire);
        if (d == NULL) {
            return -1;
        }
        if (d == dict && t->slot[i].hash == hash &&
            (t->slot[i].name == name || _PyUnicode_Equal(t->slot[i].name, name))) {
            return (int)i;
        }
    }
    return -1;
}

int
sigil_world_pin(sigil_runtime *rt, PyObject *globals, PyObject *name)
{
    sigil_pins *t = rt->pins;
    assert(sigil_sijil_is_held(rt));
    if (t == NULL || !PyUnicode_CheckExact(name)) {
        return 0;
    }
    /* An exact str's hash runs no code; the dict has computed it. */
    Py_hash_t hash = PyObject_Hash(name);
    if (hash == -1) {
        PyErr_Clear();
        return 0;
    }
    int at = pin_find(t, globals, name, hash);
    if (at >= 0) {
        return atomic_load_explicit(&t->slot[at].state, memory_order_relaxed) == PIN_LIVE;
    }
    if (t->used >= PINS_MAX) {
        return 0;
    }
    size_t i = pin_start(globals, hash);
    while (atomic_load_explicit(&t->slot[i].dict, memory_order_relaxed) != NULL) {
        i = (i + 1) & (PINS - 1);
    }
    t->slot[i].name = Py_NewRef(name);
    t->slot[i].hash = hash;
    atomic_store_explicit(&t->slot[i].state, PIN_LIVE, memory_order_relaxed);
    atomic_store_explicit(&t->slot[i].dict, globals, memory_order_release);
    t->used++;
    atomic_fetch_add_explicit(&rt->pins_live, 1, memory_order_relaxed);
    sigil_stat_bump(sigil_tstate_get(), SIGIL_STAT_globals_pinned);
    return 1;
}

/* Kill the pin at `slot` (or, with slot -1, every live pin of `dict`);
 * the number killed. Only the watcher kills, under the dict's critical
 * section, so two kills of one pin cannot race; the exchange makes that
 * so even if they did. */
static int
pins_kill(sigil_runtime *rt, PyObject *dict, int slot)
{
    sigil_pins *t = rt->pins;
    int killed = 0;
    for (int i = slot >= 0 ? slot : 0; i < (slot >= 0 ? slot + 1 : PINS); i++) {
        if (atomic_load_explicit(&t->slot[i].dict, memory_order_acquire) == dict &&
            atomic_exchange_explicit(&t->slot[i].state, PIN_DEAD, memory_order_relaxed) ==
                PIN_LIVE) {
            killed++;
        }
    }
    if (killed > 0) {
        atomic_fetch_sub_explicit(&rt->pins_live, killed, memory_order_relaxed);
    }
    return killed;
}

/* A watched dict is about to change: if the change can drop a pinned
 * value (a store or deletion of a pinned name, a clear), unpin it, bump
 * the world version and wait out the pin windows before returning, so
 * that no thread is still using the value without a reference when the
 * dict drops its own. A dict being deallocated is not waited for: no frame
 * running with it as globals can be on any thread (a frame's function
 * holds its globals), and only such frames read its pinned records. */
static void
pins_on_event(sigil_runtime *rt, sigil_tstate *ts, PyDict_WatchEvent event, PyObject *dict,
              PyObject *key)
{
    int killed;
    if (event == PyDict_EVENT_MODIFIED || event == PyDict_EVENT_DELETED) {
        if (!PyUnicode_Check(key)) {
            /* A key of another type that compares equal to a pinned name
             * would replace its entry. */
            killed = pins_kill(rt, dict, -1);
        }
        else {
            /* An exact str's hash is cached (the dict computed it); a
             * subclass's __hash__ has also just run for this store. */
            Py_hash_t hash = PyObject_Hash(key);
            if (hash == -1) {
                PyErr_Clear();
                killed = pins_kill(rt, dict, -1);
            }
            else {
                int at = pin_find(rt->pins, dict, key, hash);
                killed = at >= 0 ? pins_kill(rt, dict, at) : 0;
            }
        }
    }
    else if (event == PyDict_EVENT_CLEARED || event == PyDict_EVENT_DEALLOCATED) {
        killed = pins_kill(rt, dict, -1);
    }
    else {
        return;
    }
    if (killed == 0) {
        return;
    }
    sigil_counter_add(ts, SIGIL_CTR_STAT(SIGIL_STAT_globals_unpinned), (uint64_t)killed);
    /* Ordered before the windows' checks by the membarrier below. */
    atomic_fetch_add_explicit(&rt->world_version, 1, memory_order_relaxed);
    if (event == PyDict_EVENT_DEALLOCATED) {
        return;
    }
    sigil_stat_bump(ts, SIGIL_STAT_world_bumps_unpin);
    /* Every other thread executes a full barrier: a window opened before
     * it is now visible below, one opened after it checks the bumped
     * version. Then wait for the open ones to close. Nothing here may
     * detach from the interpreter: that would suspend the dict's critical
     * section, which the caller holds, and CPython applies the change
     * after this returns with what it read under that section. */
    if (syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) != 0 &&
        (syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) != 0 ||
         syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) != 0)) {
        /* Registered at install (and kept across fork); a kernel that
         * takes it back leaves no safe way to let the dict drop the value. */
        Py_FatalError("sigil: membarrier failed after registration");
    }
    /* Fault pin_skip_wait: without the wait, a window opened before the
     * bump outlives the dict's reference to the value. */
    if (!SIGIL_FAULT(pin_skip_wait)) {
        sigil_pin_wait_windows();
    }
}

static int
world_watcher(PyDict_WatchEvent event, PyObject *dict, PyObject *key, PyObject *new_value)
{
    (void)new_value;
    if (event != PyDict_EVENT_ADDED && event != PyDict_EVENT_CLONED) {
        sigil_tstate *ts = sigil_tstate_get();
        PyInterpreterState *interp = _PyInterpreterState_GET();
        sigil_runtime *rt =
            ts->interp == interp && ts->rt != NULL ? ts->rt : sigil_runtime_find(interp);
        if (rt != NULL && rt->pins != NULL &&
            atomic_load_explicit(&rt->pins_live, memory_order_relaxed) > 0) {
            pins_on_event(rt, ts, event, dict, key);
        }
    }
    int stat;
    switch (event) {
    case PyDict_EVENT_ADDED:
        stat = SIGIL_STAT_world_bumps_shadow;
        break;
    case PyDict_EVENT_CLONED:
        stat = SIGIL_STAT_world_bumps_clone;
        break;
    case PyDict_EVENT_DEALLOCATED:
        stat = SIGIL_STAT_world_bumps_dealloc;
        break;
    default:
        return 0;
    }
    /* The thread's cached runtime when it is this interpreter's, else the
     * registry's (a mutex, taken with no other lock of Sigil's held). */
    sigil_tstate *ts = sigil_tstate_get();
    PyInterpreterState *interp = _PyInterpreterState_GET();
    sigil_runtime *rt = ts->interp == interp && ts->rt != NULL ? ts->rt : sigil_runtime_find(interp);
    if (rt == NULL || rt->world_names == NULL) {
        return 0;
    }
    if (event == PyDict_EVENT_ADDED && PyUnicode_CheckExact(key)) {
        /* The dict computed the hash before notifying: this reads the
         * str's cache and cannot fail. */
        Py_hash_t hash = PyObject_Hash(key);
        if (hash != -1 && !names_contain(rt->world_names, key, hash)) {
            return 0;
        }
        if (hash == -1) {
            PyErr_Clear();
        }
    }
    atomic_fetch_add_explicit(&rt->world_version, 1, memory_order_relaxed);
    sigil_stat_bump(ts, stat);
    return 0;
}

void
sigil_world_init(sigil_runtime *rt)
{
    /* Start at 1: a zeroed record can never match. */
    atomic_store_explicit(&rt->world_version, 1, memory_order_relaxed);
    rt->world_watcher = -1;
    rt->world_names = PyMem_RawCalloc(1, sizeof(sigil_world_names));
    if (rt->world_names == NULL) {
        return;
    }
    /* Pinning needs the process's expedited membarrier (Linux 4.14); without
     * it nothing is pinned (NULL registry). */
    if (syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0) {
        rt->pins = PyMem_RawCalloc(1, sizeof(sigil_pins));
    }
    int id = PyDict_AddWatcher(world_watcher);
    if (id < 0) {
        PyErr_Clear();   /* every slot taken: keys versions it is */
        return;
    }
    rt->world_watcher = id;
    atomic_store_explicit(&rt->world_enabled, 1, memory_order_relaxed);
}

int
sigil_world_usable(sigil_runtime *rt)
{
    return rt->world_watcher >= 0 && atomic_load_explicit(&rt->world_enabled, memory_order_relaxed);
}

int
sigil_world_set(sigil_runtime *rt, int on)
{
    return atomic_exchange_explicit(&rt->world_enabled, on != 0, memory_order_relaxed);
}

/* A probe in the watcher that stops at a slot this call is filling has
 * not missed anything it needs: the name only matters to the globals dict
 * whose critical section the caller holds, and every event on that dict
 * after the section happens after this store. */
int
sigil_world_add_name(sigil_runtime *rt, PyObject *name)
{
    sigil_world_names *t = rt->world_names;
    Py_hash_t hash = PyObject_Hash(name);
    if (hash == -1) {
        PyErr_Clear();
        return 0;
    }
    size_t mask = WORLD_NAMES - 1, i = (size_t)hash & mask;
    for (;; i = (i + 1) & mask) {
        PyObject *cur = atomic_load_explicit(&t->slot[i].name, memory_order_relaxed);
        if (cur == NULL) {
            break;
        }
        if (cur == name || (t->slot[i].hash == hash && _PyUnicode_Equal(cur, name))) {
            return 1;
        }
    }
    if (t->used >= WORLD_NAMES_MAX) {
        return 0;
    }
    t->slot[i].hash = hash;
    atomic_store_explicit(&t->slot[i].name, Py_NewRef(name), memory_order_release);
    t->used++;
    sigil_stat_bump(sigil_tstate_get(), SIGIL_STAT_world_names);
    return 1;
}

int
sigil_world_watch(sigil_runtime *rt, PyObject *globals)
{
    /* PyDict_Watch sets its bit in ma_version_tag with a plain
     * read-modify-write; every writer of that field holds the dict's
     * critical section, and so does the caller. */
    if (PyDict_Watch(rt->world_watcher, globals) < 0) {
        PyErr_Clear();
        return -1;
    }
    return 0;
}
