/* sigil_test.h: a minimal check macro for Sigil's C unit tests.
 * CHECK records a failure with its location and keeps going; a test's
 * main() ends with `return sigil_test_done("name");`. */
#ifndef SIGIL_TEST_H
#define SIGIL_TEST_H

#include <stdio.h>

static int sigil_test_checks;
static int sigil_test_failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        sigil_test_checks++;                                                 \
        if (!(cond)) {                                                       \
            sigil_test_failures++;                                           \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
        }                                                                    \
    } while (0)

static inline int
sigil_test_done(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, sigil_test_checks, sigil_test_failures);
    return sigil_test_failures != 0;
}

#endif
