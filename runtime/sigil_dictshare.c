/* sigil_dictshare.c: marking the keys of dicts that other threads read, so
 * that CPython 3.13t's lock-free lookup can take references to them.
 *
 * The problem. CPython 3.13t looks a key up in a dict without the dict's
 * lock (_Py_dict_lookup_threadsafe). When the stored key is not the very
 * object being looked up (a str built at run time, a tuple key: the lookup
 * builds its own tuple), the lookup must hold a reference to the stored key
 * while it compares, and takes one with _Py_TryIncrefCompare. For a key
 * owned by another thread that has never had a shared reference (its shared
 * count is zero, with no flags), the try fails: the owner may be freeing it
 * right now without telling anyone. The lookup then starts over under the
 * dict's lock, and does so on every lookup of that key, for good: the
 * locked lookup compares without counting a reference, so nothing ever
 * changes the key's state. Values have the same problem, but the locked
 * path takes a counted reference to the value (_Py_NewRefWithLock), which
 * flags it "may be shared", so only the first read of each value locks.
 * On two threads reading one 512-entry dict keyed by formatted strs
 * (shared_dict_read), 40% of the samples were the two threads waiting for
 * that lock (perf: sched_yield under _PyCriticalSection_BeginSlow under
 * _Py_dict_lookup_threadsafe), and two threads ran slower than one.
 *
 * The change. A thread that does not own a dict reports its lookups in it
 * (BINARY_SUBSCR_DICT, CONTAINS_OP_DICT). One report in DICT_SAMPLE per
 * thread is acted on: under the dict's lock, the keys stored since the last
 * scan this thread made of that keys object are given the "may be shared"
 * flag (_PyObject_SetMaybeWeakref, the flag CPython itself sets on an
 * object it gives a weak reference or a value the locked read shares).
 * From then on the lock-free lookup's try-incref of such a key succeeds
 * (a compare-and-swap on its shared count) and no lookup of it locks.
 *
 * Why this changes no behaviour. The flag only routes the owner's final
 * release through the merge of the two counts (_Py_MergeZeroLocalRefcount,
 * a compare-and-swap) instead of freeing directly; the object is freed at
 * the same release, and its finalizer runs at the same point. The flag is
 * CPython's own protocol for objects other threads may try to reference:
 * with it set, a try-incref and the owner's merge race through one
 * compare-and-swap on the shared count, so the try either wins (the merge
 * then sees the reference) or sees the merged state and fails. Nothing
 * here reads a key without the dict's lock, which keeps every stored key
 * alive while the scan runs.
 *
 * The cost. A thread keeps, in a table of SIGIL_DICT_SEEN notes indexed
 * by the dict's address, the dict, its keys object and how many entries
 * it scanned, so a dict read
 * over and over is scanned once per keys object, and then only for
 * entries appended since. All three are compared only, never dereferenced
 * (a dict freed and another made at its address costs a scan at worst).
 * Dicts with more than DICT_MAX_SCAN entries are scanned in slices of that
 * many per report, so no single lookup holds the dict's lock long.
 * Split dicts (instance dicts) are not scanned: their keys are attribute
 * names, interned and immortal once code uses them.
 */
#include <stdatomic.h>

#include "sigil_dictshare.h"
#include "sigil_consts.h"
#include "sigil_fault.h"
#include "sigil_stats.h"

/* About one report in this many, per thread, is acted on. */
#define DICT_SAMPLE 64
/* Entries scanned under the dict's lock per report, at most. */
#define DICT_MAX_SCAN 4096

/* The scan of entries [from, to) of `keys`, a combined table; the caller
 * holds the dict's lock, so every stored key is alive. Returns the keys
 * flagged. */
static uint64_t
mark_keys(PyDictKeysObject *keys, Py_ssize_t from, Py_ssize_t to)
{
    uint64_t n = 0;
    for (Py_ssize_t i = from; i < to; i++) {
        PyObject *key = DK_IS_UNICODE(keys) ? DK_UNICODE_ENTRIES(keys)[i].me_key
                                            : DK_ENTRIES(keys)[i].me_key;
        if (key == NULL || _Py_IsImmortal(key)) {
            continue;
        }
        /* Relaxed: only decides whether to call; _PyObject_SetMaybeWeakref
         * re-reads the count and sets the flag by compare-and-swap, which
         * is what orders it against the owner's merge and other threads'
         * increments. */
        if ((_Py_atomic_load_ssize_relaxed(&key->ob_ref_shared) & _Py_REF_SHARED_FLAG_MASK) == 0) {
            if (SIGIL_FAULT(dict_share_takes_ref)) {
                _Py_atomic_add_ssize(&key->ob_ref_shared, 1 << _Py_REF_SHARED_SHIFT);
            }
            else {
                _PyObject_SetMaybeWeakref(key);
            }
            n++;
        }
    }
    return n;
}

/* A dict whose entries this thread has all scanned: is it also one nobody
 * changes? Its version (ma_version_tag, a new value at every store,
 * replacement or deletion) is read under the dict's lock (CPython writes
 * it there, plainly) at this thread's samples, spaced out exponentially
 * (the level, and so the gap, grows by one at each check, up to
 * 2^DICT_MAX_LEVEL samples): unchanged at
 * DICT_STABLE checks in a row, the dict is read-mostly and shared, and
 * its keys and values of the kinds no Python code can watch die are made
 * immortal (sigil_dict_immortalize, bounded by the shared-values budget).
 * A dict that changes between checks restarts the count and waits
 * longer; a transient dict passed to a worker seldom lives through the
 * checks (about 64 * (1 + 2 + 4 + 8) of the worker's lookups). */
#define DICT_STABLE 4
#define DICT_MAX_LEVEL 6
/* Stops taken for dicts, at most, per process: each pauses every thread,
 * and a program whose shared dicts keep getting new keys objects (resized
 * between quiet spells) would otherwise take one per keys object. */
#define DICT_STOPS_MAX 1024
static _Atomic uint32_t dict_stops_taken;

static void
watch_version(sigil_tstate *ts, int slot, PyObject *op)
{
    if (ts->dict_seen[slot].done) {
        return;
    }
    if (ts->dict_seen[slot].wait > 0) {
        ts->dict_seen[slot].wait--;
        return;
    }
    PyDictObject *mp = (PyDictObject *)op;
    uint64_t version;
    int same_keys, candidates = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    version = mp->ma_version_tag;
    same_keys = (const void *)mp->ma_keys == ts->dict_seen[slot].keys;
    /* A dict too big for sigil_dict_immortalize is not even looked at. */
    if (same_keys && mp->ma_values == NULL && mp->ma_keys->dk_nentries <= DICT_MAX_SCAN) {
        candidates = sigil_dict_has_mortal_values(op);
    }
    Py_END_CRITICAL_SECTION();
    if (!same_keys) {
        return;     /* resized since the count was read: the next sample scans */
    }
    if (!candidates) {
        /* Nothing a stop could change (all immortal already, or of kinds
         * that stay mortal): no stop for this keys object. */
        ts->dict_seen[slot].done = 1;
        return;
    }
    if (version != ts->dict_seen[slot].version) {
        ts->dict_seen[slot].version = version;
        ts->dict_seen[slot].stable = 0;
    }
    else if (++ts->dict_seen[slot].stable >= DICT_STABLE) {
        ts->dict_seen[slot].done = 1;
        /* Relaxed: the cap only bounds how many pauses these take in a
         * process; two threads passing it at once overshoot by one. */
        if (atomic_fetch_add_explicit(&dict_stops_taken, 1, memory_order_relaxed) >= DICT_STOPS_MAX) {
            return;
        }
        int over = 0;
        /* Done with this keys object whatever the outcome: immortalized,
         * refused by the budget, or (a store between the check and the
         * stop) left for the next keys object. */
        uint64_t n = sigil_dict_immortalize(op, version, DICT_MAX_SCAN, &over);
        sigil_stat_bump(ts, SIGIL_STAT_dict_stops);
        sigil_counter_add(ts, SIGIL_CTR_STAT(SIGIL_STAT_dict_immortalized), n);
        if (over) {
            sigil_stat_bump(ts, SIGIL_STAT_values_over_budget);
        }
        return;
    }
    if (ts->dict_seen[slot].level < DICT_MAX_LEVEL) {
        ts->dict_seen[slot].level++;
    }
    ts->dict_seen[slot].wait = (uint16_t)((1u << ts->dict_seen[slot].level) - 1);
}

/* The next sample comes DICT_SAMPLE +- 8 lookups later, at random (a
 * xorshift of this thread's state): a loop that looks up, say, eight
 * dicts per iteration would otherwise be sampled at the same lookup every
 * time, and the other seven dicts never. */
static void
next_sample(sigil_tstate *ts)
{
    uint32_t x = ts->dict_rand != 0 ? ts->dict_rand : (uint32_t)(uintptr_t)ts | 1u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    ts->dict_rand = x;
    ts->dict_tick = DICT_SAMPLE - 8 + (x & 15);
}

/* The note slot of a dict: a direct-mapped table indexed by the dict's
 * address (a thread reading many dicts keeps notes for most of them; a
 * round robin over a few slots lost them all to a thread reading a
 * dozen), and a dict's new keys object takes over its old notes. */
static inline int
note_slot(const PyDictObject *mp)
{
    return (int)((((uintptr_t)mp >> 4) * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - SIGIL_DICT_SEEN_BITS));
}

int
sigil_dict_report_settled(sigil_tstate *ts, PyObject *op)
{
    /* The same reads as the report's before its lock: ma_keys with
     * acquire (pairs with the release store that publishes a new keys
     * object), the entry count and ma_values relaxed and only compared
     * with this thread's notes. The caller's pin window keeps the dict
     * alive; the dict is shared (the lookup that ran required it), so a
     * keys object replaced meanwhile is freed only after a QSBR grace
     * period, which this thread has not passed. The notes and the tick
     * are this thread's own (plain). */
    PyDictObject *mp = (PyDictObject *)op;
    int slot = note_slot(mp);
    PyDictKeysObject *keys = _Py_atomic_load_ptr_acquire(&mp->ma_keys);
    if (!ts->dict_seen[slot].done || ts->dict_seen[slot].dict != (const void *)mp ||
        ts->dict_seen[slot].keys != (const void *)keys ||
        ts->dict_seen[slot].scanned != _Py_atomic_load_ssize_relaxed(&keys->dk_nentries) ||
        _Py_atomic_load_ptr_relaxed(&mp->ma_values) != NULL) {
        return 0;
    }
    next_sample(ts);
    sigil_stat_bump(ts, SIGIL_STAT_dict_reports_settled);
    return 1;
}

void
sigil_dict_read_shared(sigil_tstate *ts, PyObject *op)
{
    next_sample(ts);
    PyDictObject *mp = (PyDictObject *)op;
    /* The keys pointer with acquire: a resize or a first insertion fills
     * a new keys object with plain stores (its entry count among them)
     * and publishes it with a release store of ma_keys; without the
     * acquire the count read below would race with those stores (the
     * TSan build reported it). The count itself is stored relaxed by
     * later insertions, and is only compared with this thread's notes:
     * the scan re-reads everything under the dict's lock. The keys object
     * cannot be freed under the read: the lookup that just ran made the
     * dict shared (ensure_shared_on_read), so a replaced keys object is
     * freed only after a QSBR grace period, and this thread has not passed
     * a quiescent state since. ma_values is only tested for NULL. */
    PyDictKeysObject *keys = _Py_atomic_load_ptr_acquire(&mp->ma_keys);
    if (_Py_atomic_load_ptr_relaxed(&mp->ma_values) != NULL) {
        return;
    }
    Py_ssize_t nentries = _Py_atomic_load_ssize_relaxed(&keys->dk_nentries);
    int slot = note_slot(mp);
    int known = ts->dict_seen[slot].dict == (const void *)mp &&
                ts->dict_seen[slot].keys == (const void *)keys;
    Py_ssize_t from = 0;
    if (known) {
        if (ts->dict_seen[slot].scanned == nentries) {
            watch_version(ts, slot, op);
            return;
        }
        /* A popitem shrinks the entry count, and a later insertion reuses
         * the entry: start over from the smaller count. */
        from = ts->dict_seen[slot].scanned < nentries ? ts->dict_seen[slot].scanned : nentries;
    }
    else {
        ts->dict_seen[slot].done = 0;
        ts->dict_seen[slot].wait = 0;
        ts->dict_seen[slot].level = 0;
    }
    uint64_t marked = 0, version;
    Py_ssize_t to = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    /* Under the lock the keys object and its entries hold still. */
    PyDictKeysObject *now = mp->ma_keys;
    if (mp->ma_values == NULL) {
        if (now != keys) {
            from = 0;
        }
        to = now->dk_nentries;
        if (from > to) {
            from = to;
        }
        if (to - from > DICT_MAX_SCAN) {
            to = from + DICT_MAX_SCAN;
        }
        marked = mark_keys(now, from, to);
    }
    /* Plain: CPython writes the version under this lock. */
    version = mp->ma_version_tag;
    keys = now;
    Py_END_CRITICAL_SECTION();
    ts->dict_seen[slot].dict = mp;
    ts->dict_seen[slot].keys = keys;
    ts->dict_seen[slot].scanned = (intptr_t)to;
    ts->dict_seen[slot].version = version;
    ts->dict_seen[slot].stable = 0;
    sigil_stat_bump(ts, SIGIL_STAT_dict_scans);
    sigil_counter_add(ts, SIGIL_CTR_STAT(SIGIL_STAT_dict_keys_shared), marked);
}
