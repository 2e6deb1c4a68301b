/* sigil_jit.h: the LLVM code generator's entry points.
 *
 * Built only with -DSIGIL_JIT=ON, as its own shared object (libsigil-jit.so,
 * LLVM 16 ORC LLJIT through the C API), which the runtime loads with
 * dlopen the first time something needs the JIT (runtime/sigil_jitload.c):
 * a process that never asks for mode jit never maps or relocates LLVM.
 * The object exports one symbol, sigil_jit_module(); everything else is
 * reached through the table it returns, checked by its ABI number.
 */
#ifndef SIGIL_JIT_H
#define SIGIL_JIT_H

#include <stdint.h>

/* Bumped whenever sigil_jit_api changes shape: a runtime refuses a module
 * of another number (a stale libsigil-jit.so beside a newer launcher). */
#define SIGIL_JIT_ABI 1

typedef struct sigil_jit_api {
    int abi;   /* SIGIL_JIT_ABI of the module */
    /* LLVM's version string ("16.0.6"). */
    const char *(*llvm_version)(void);
    /* Compile and run a tiny function through ORC LLJIT: proves that code
     * generation for the host works in this process. Returns 0 on
     * success, or -1 with a static message in *err. */
    int (*selftest)(const char **err);
} sigil_jit_api;

/* The module's one export: its table (static storage, never freed). */
const sigil_jit_api *sigil_jit_module(void);

/* The runtime side (runtime/sigil_jitload.c). The table of the loaded
 * module, loading it on the first call (thread-safe, once per process);
 * NULL in a build without the JIT or when loading failed, and then
 * sigil_jit_load_error() says why (a static or process-lifetime string). */
const sigil_jit_api *sigil_jit_api_get(void);
const char *sigil_jit_load_error(void);

#endif /* SIGIL_JIT_H */
