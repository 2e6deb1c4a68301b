/* micro_subjects.h: plain-C entry points into Sigil's real code for the
 * Google Benchmark driver (bench_micro.cc), which cannot include CPython's
 * internal headers from C++. */
#ifndef SIGIL_MICRO_SUBJECTS_H
#define SIGIL_MICRO_SUBJECTS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Start CPython with Sigil installed in mode `mode` ("off", "interp"). */
int micro_init(const char *mode);
void micro_fini(void);
/* Switch the engine: 0 = off (stock loop), 1 = interp. */
int micro_set_mode(int interp);

/* Decode every word of a real code table once; returns a checksum. */
uint64_t micro_decode_table(void);
/* Look up the attached table of a code object (the frame-entry path). */
uintptr_t micro_table_lookup(void);
/* Bump a per-thread counter n times. */
void micro_counter_bump(uint64_t n);
/* Take a stats snapshot (sums every thread's counters). */
uint64_t micro_stats_snapshot(void);
/* Call the Python function fib(n) once through the current engine;
 * attaches this thread to the interpreter as needed. Returns its value. */
long micro_call_fib(int n);
/* Run a Python loop of n iterations (attribute load, add, compare). */
long micro_call_loop(int n);
/* Take and release the specialization lock (SiJiL) n times. */
void micro_sijil_cycle(uint64_t n);
/* Publish a cache record with its word and retire it by a deopt, n times
 * (QSBR-delayed free included); returns how many were published. */
long micro_record_cycle(uint64_t n);

/* Micro-op bodies (specializer/sigil_uop_*.h) run n times on a
 * prepared environment; each returns the number of steps that passed.
 * kind: 0 operand-type guards (GUARD_NOS_INT + GUARD_TOS_INT),
 *       1 type-version guard (GUARD_TOS_TYPE_VERSION, fills the snapshot),
 *       2 keys-version guard (GUARD_GLOBALS_KEYS_VERSION),
 *       3 snapshot use and revalidation (GUARD_BUILTINS_KEYS_VERSION, then
 *         LOAD_BUILTINS_ENTRY: the entry read from the snapshot's keys,
 *         with the keys pointer re-checked after the try-incref). */
long micro_uop_cycle(int kind, uint64_t n);

#ifdef __cplusplus
}
#endif

#endif
