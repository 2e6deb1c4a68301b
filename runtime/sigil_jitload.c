/* sigil_jitload.c: finding and loading the JIT's shared object.
 *
 * LLVM is a large library: linked into the launcher, it cost every process
 * ~80 ms of relocation at start and ~50 MB of resident memory, whether or
 * not it ever compiled anything. The JIT therefore lives in
 * libsigil-jit.so (jit/sigil_jit.h), loaded here on first use (mode jit).
 * A process in mode off or interp never loads it; sigil.info() only checks
 * that the file is there.
 */
#include "sigil_jit.h"
#include "sigil/sigil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef SIGIL_JIT
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <unistd.h>

/* SIGIL_JIT_MODULE_PATH and SIGIL_JIT_MODULE_NAME (the file and its name,
 * as the build writes it next to sigil-python) come from CMake's target,
 * so that the name is spelled in one place. */

/* Each written once, inside its pthread_once routine (pthread_once orders
 * those writes before every return of pthread_once in other threads),
 * read-only after. */
static pthread_once_t find_guard = PTHREAD_ONCE_INIT;
static pthread_once_t load_guard = PTHREAD_ONCE_INIT;
static char module_path[PATH_MAX];   /* "" when no module was found */
static const sigil_jit_api *loaded;
static char load_error[PATH_MAX + 256];

/* Where the module is: PYTHON_SIGIL_JIT_MODULE when set (the only place
 * looked at then), else beside the running executable (an installed or
 * copied launcher), else where the build wrote it (tests run from the
 * build tree). Only the file's presence is checked: finding costs no
 * LLVM, so sigil.info() can report the JIT without loading it. */
static void
find_once(void)
{
    const char *forced = getenv("PYTHON_SIGIL_JIT_MODULE");
    if (forced != NULL && forced[0] != '\0') {
        if (access(forced, R_OK) == 0 && strlen(forced) < sizeof module_path) {
            strcpy(module_path, forced);
        }
        else {
            snprintf(load_error, sizeof load_error,
                     "cannot load the JIT module: %s (PYTHON_SIGIL_JIT_MODULE) is not a readable file",
                     forced);
        }
        return;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash != NULL &&
            (size_t)(slash - exe) + sizeof "/" SIGIL_JIT_MODULE_NAME <= sizeof exe) {
            strcpy(slash + 1, SIGIL_JIT_MODULE_NAME);
            if (access(exe, R_OK) == 0) {
                strcpy(module_path, exe);
                return;
            }
        }
    }
    if (access(SIGIL_JIT_MODULE_PATH, R_OK) == 0) {
        strcpy(module_path, SIGIL_JIT_MODULE_PATH);
        return;
    }
    snprintf(load_error, sizeof load_error,
             "cannot load the JIT module: no %s beside the executable nor at %s "
             "(set PYTHON_SIGIL_JIT_MODULE to its path)",
             SIGIL_JIT_MODULE_NAME, SIGIL_JIT_MODULE_PATH);
}

/* Open the module found and check its table (load_error says why not). */
static void
load_once(void)
{
    pthread_once(&find_guard, find_once);
    if (module_path[0] == '\0') {
        return;
    }
    void *h = dlopen(module_path, RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) {
        /* dlerror's message names the path */
        snprintf(load_error, sizeof load_error, "cannot load the JIT module: %s", dlerror());
        return;
    }
    const sigil_jit_api *(*entry)(void) =
        (const sigil_jit_api *(*)(void))dlsym(h, "sigil_jit_module");
    const sigil_jit_api *api = entry != NULL ? entry() : NULL;
    if (api == NULL || api->abi != SIGIL_JIT_ABI) {
        snprintf(load_error, sizeof load_error,
                 "the JIT module %s is not this build's (ABI %d, expected %d): rebuild Sigil",
                 module_path, api != NULL ? api->abi : -1, SIGIL_JIT_ABI);
        dlclose(h);
        return;
    }
    loaded = api;   /* the handle stays open for the process's lifetime */
}

int
sigil_jit_available(void)
{
    pthread_once(&find_guard, find_once);
    return module_path[0] != '\0';
}

const sigil_jit_api *
sigil_jit_api_get(void)
{
    pthread_once(&load_guard, load_once);
    return loaded;
}

const char *
sigil_jit_load_error(void)
{
    pthread_once(&load_guard, load_once);
    return loaded != NULL ? NULL : load_error;
}

const char *
sigil_llvm_version(void)
{
    return SIGIL_LLVM_VERSION_STRING;   /* the LLVM the module was built against */
}

#else /* !SIGIL_JIT */

int
sigil_jit_available(void)
{
    return 0;
}

const sigil_jit_api *
sigil_jit_api_get(void)
{
    return NULL;
}

const char *
sigil_jit_load_error(void)
{
    return "this Sigil build has no JIT (rebuild with `tools/sigil build --enable-jit`, "
           "which needs llvm-16-dev and clang-16)";
}

const char *
sigil_llvm_version(void)
{
    return NULL;
}

#endif /* SIGIL_JIT */
