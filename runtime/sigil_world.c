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
 */
#include "sigil_world.h"
#include "sigil_stats.h"

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

static int
world_watcher(PyDict_WatchEvent event, PyObject *dict, PyObject *key, PyObject *new_value)
{
    (void)dict;
    (void)new_value;
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
