/* sigil_main.c: `sigil-python`, the launcher users run.
 *
 * It is python3.13t with Sigil installed: CPython parses the command line
 * exactly as `python3.13t` would (-c, -m, scripts, the REPL, every -X and
 * env option); Sigil then reads its own -X sigil= / PYTHON_SIGIL option and
 * installs its frame evaluator between the core and the main phase of
 * initialization, so that no user code (not even site or .pth files) runs
 * before the hook is in place.
 */
#include "sigil_runtime.h"
#include "sigil_jit.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Print a one-line error and exit with the usage status, like CPython does
 * for a bad command-line option. */
static _Noreturn void
usage_error(const char *what, const char *value)
{
    fprintf(stderr, "sigil-python: invalid %s value '%s' (valid: off, interp, jit)\n",
            what, value);
    exit(2);
}

/* Apply -X sigil=MODE from the parsed config over the environment's
 * options; the last -X sigil wins, as with every -X option. */
static void
options_from_config(const PyConfig *cfg, sigil_options *o)
{
    const char *err;
    if (!cfg->use_environment) {
        /* -E / -I: ignore PYTHON_SIGIL* just as CPython ignores PYTHON*. */
        o->mode = sigil_default_mode();
        o->stats_at_exit = 0;
    }
    else if (sigil_options_init(o, &err) < 0) {
        usage_error("PYTHON_SIGIL", getenv("PYTHON_SIGIL"));
    }
    for (Py_ssize_t i = 0; i < cfg->xoptions.length; i++) {
        const wchar_t *x = cfg->xoptions.items[i];
        if (wcsncmp(x, L"sigil", 5) != 0 || (x[5] != L'\0' && x[5] != L'=')) {
            continue;
        }
        char value[64];
        const wchar_t *v = x[5] == L'=' ? x + 6 : L"";
        size_t n = wcstombs(value, v, sizeof(value) - 1);
        if (n == (size_t)-1 || n >= sizeof(value) - 1) {
            usage_error("-X sigil", "?");
        }
        value[n] = '\0';
        if (sigil_mode_parse(value, &o->mode) < 0) {
            usage_error("-X sigil", value);
        }
    }
}

/* Leave the process the way Py_BytesMain would on an init failure. */
static int
status_exit(PyStatus st)
{
    if (PyStatus_IsExit(st)) {
        return st.exitcode;
    }
    Py_ExitStatusException(st);
}

int
main(int argc, char **argv)
{
    PyStatus st;
    PyPreConfig pre;
    PyPreConfig_InitPythonConfig(&pre);
    st = Py_PreInitializeFromBytesArgs(&pre, argc, argv);
    if (PyStatus_Exception(st)) {
        return status_exit(st);
    }

    PyConfig cfg;
    PyConfig_InitPythonConfig(&cfg);
    st = PyConfig_SetBytesArgv(&cfg, argc, argv);
    if (!PyStatus_Exception(st)) {
        st = PyConfig_Read(&cfg);
    }
    if (PyStatus_Exception(st)) {
        PyConfig_Clear(&cfg);
        return status_exit(st);
    }

    sigil_options opts;
    options_from_config(&cfg, &opts);
    if (opts.mode == SIGIL_MODE_JIT && sigil_jit_api_get() == NULL) {
        fprintf(stderr, "sigil-python: -X sigil=jit: %s\n", sigil_jit_load_error());
        PyConfig_Clear(&cfg);
        return 2;
    }
    if (sigil_register_module() < 0) {
        fprintf(stderr, "sigil-python: cannot register the sigil module\n");
        PyConfig_Clear(&cfg);
        return 1;
    }

    /* Stats flavor: count the stock loop's instructions from the first one
     * (the core phase below runs importlib's bootstrap on the stock loop). */
    if (opts.mode != SIGIL_MODE_OFF) {
        sigil_stats_stock_begin();
    }

    /* Core phase only: the interpreter exists, no site, no user code. */
    cfg._init_main = 0;
    st = Py_InitializeFromConfig(&cfg);
    PyConfig_Clear(&cfg);
    if (PyStatus_Exception(st)) {
        return status_exit(st);
    }
    if (sigil_install(PyInterpreterState_Get(), &opts) < 0) {
        PyErr_Print();
        return 1;
    }
    st = _Py_InitializeMain();
    if (PyStatus_Exception(st)) {
        return status_exit(st);
    }
    return Py_RunMain();
}
