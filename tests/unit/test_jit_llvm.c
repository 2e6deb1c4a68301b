/* test_jit_llvm.c: ORC LLJIT compiles and runs code in this process. */
#include "sigil_jit.h"
#include "sigil_test.h"

#include <string.h>

int
main(void)
{
    const char *err = NULL;
    int rc = sigil_jit_selftest(&err);
    if (rc != 0) {
        fprintf(stderr, "selftest: %s\n", err);
    }
    CHECK(rc == 0);
    CHECK(strncmp(sigil_jit_llvm_version(), "16.", 3) == 0);
    /* A second JIT instance in the same process works too. */
    CHECK(sigil_jit_selftest(&err) == 0);
    return sigil_test_done("test_jit_llvm");
}
