/* sigil_jit.h: the LLVM code generator's entry points.
 *
 * Built only with -DSIGIL_JIT=ON (LLVM 16 ORC LLJIT through the C API).
 */
#ifndef SIGIL_JIT_H
#define SIGIL_JIT_H

#include <stdint.h>

/* LLVM's version string ("16.0.6"). */
const char *sigil_jit_llvm_version(void);

/* Compile and run a tiny function through ORC LLJIT: proves that code
 * generation for the host works in this process. Returns 0 on success, or
 * -1 with a static message in *err. */
int sigil_jit_selftest(const char **err);

#endif /* SIGIL_JIT_H */
