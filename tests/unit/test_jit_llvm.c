/* test_jit_llvm.c: ORC LLJIT compiles and runs code in this process, both
 * through the module linked directly and through the runtime's loader. */
#include "sigil_jit.h"
#include "sigil/sigil.h"
#include "sigil_test.h"

#include <string.h>

int
main(void)
{
    const sigil_jit_api *direct = sigil_jit_module();
    CHECK(direct->abi == SIGIL_JIT_ABI);
    const char *err = NULL;
    int rc = direct->selftest(&err);
    if (rc != 0) {
        fprintf(stderr, "selftest: %s\n", err);
    }
    CHECK(rc == 0);
    CHECK(strncmp(direct->llvm_version(), "16.", 3) == 0);
    /* A second JIT instance in the same process works too. */
    CHECK(direct->selftest(&err) == 0);

    /* The loader finds the module the build wrote (this test's directory
     * has none beside it) and returns the same table: dlopen of a library
     * already mapped shares it. */
    CHECK(sigil_jit_available());
    CHECK(sigil_jit_api_get() == direct);
    CHECK(sigil_jit_load_error() == NULL);
    return sigil_test_done("test_jit_llvm");
}
