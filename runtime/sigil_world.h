/* sigil_world.h: the world version, a per-interpreter counter that a dict
 * watcher on module globals bumps whenever a watched globals dict might
 * have gained a name that hides a builtin. One relaxed load and compare
 * of it stands, in LOAD_GLOBAL_BUILTIN, for "the name is still absent from
 * these globals", which a keys-version guard could only say by missing
 * whenever any other global is added or deleted (see sigil_world.c).
 */
#ifndef SIGIL_WORLD_H
#define SIGIL_WORLD_H

#include "sigil_runtime.h"

/* Register the globals watcher of rt's interpreter (once, at install).
 * Without a free watcher slot the world stays off and LOAD_GLOBAL_BUILTIN
 * falls back to keys versions. Never fails. */
void sigil_world_init(sigil_runtime *rt);

/* May a new record depend on the world version? (A watcher exists and the
 * world is not switched off: sigil._set_world(False), for tests.) */
int sigil_world_usable(sigil_runtime *rt);

/* Switch the world version on or off for future specializations; records
 * already published keep working (the watcher stays). Returns the
 * previous setting. */
int sigil_world_set(sigil_runtime *rt, int on);

/* Under the SiJiL and the critical section of the globals dict the
 * caller will watch: add `name` (an exact str) to the names whose addition
 * to a watched globals dict bumps the world version. 1 if it is there
 * now, 0 if the registry is full (the caller falls back). */
int sigil_world_add_name(sigil_runtime *rt, PyObject *name);

/* Under the critical section of `globals` (an exact dict): watch it, so
 * that every later insertion into it reaches the watcher. 0 or -1. */
int sigil_world_watch(sigil_runtime *rt, PyObject *globals);

/* Under the SiJiL and the critical section of `globals`, which the caller
 * watches: pin the global `name` (an exact str) of `globals` (see
 * "Pinned globals" in sigil_world.c). 1 if it is pinned now; 0 if the
 * name was unpinned there before, or the registry is full. */
int sigil_world_pin(sigil_runtime *rt, PyObject *globals, PyObject *name);

/* The current world version. Relaxed: see the bump in sigil_world.c. */
static inline uint64_t
sigil_world_version(sigil_runtime *rt)
{
    return atomic_load_explicit(&rt->world_version, memory_order_relaxed);
}

#endif /* SIGIL_WORLD_H */
