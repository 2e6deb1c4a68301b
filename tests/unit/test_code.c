/* test_code.c: instruction-word tables. Words decode to CPython's base
 * opcodes with EXTENDED_ARG folded in; tables attach through co_extra in the
 * layout CPython uses; 8 threads racing to attach publish exactly one; a
 * polymorphic head's copy of its entries' versions selects the right one. */
#include "sigil_code.h"
#include "sigil_test.h"

#include <pthread.h>

static Py_ssize_t idx;
static PyCodeObject *shared_code;
static sigil_code *seen[8];
static PyInterpreterState *interp;

static PyCodeObject *
compile_fn(const char *src, const char *name)
{
    PyObject *g = PyDict_New();
    PyDict_SetItemString(g, "__builtins__", PyEval_GetBuiltins());
    PyObject *r = PyRun_String(src, Py_file_input, g, g);
    Py_XDECREF(r);
    PyObject *f = PyDict_GetItemString(g, name);
    PyCodeObject *co = f ? (PyCodeObject *)Py_NewRef(PyFunction_GET_CODE(f)) : NULL;
    Py_DECREF(g);
    return co;
}

static void *
racer(void *arg)
{
    int i = (int)(intptr_t)arg;
    PyGILState_STATE g = PyGILState_Ensure();
    sigil_code *sc = sigil_code_get_fast(shared_code, idx);
    if (sc == NULL) {
        sc = sigil_code_get_slow(shared_code, idx);
    }
    seen[i] = sc;
    PyGILState_Release(g);
    return NULL;
}

/* A polymorphic head of n entries (versions 11, 22, 33, 44 in order):
 * poly_fill repeats slot 0 past the last entry, the filled check holds,
 * and the vector and the scalar matches agree on every version, naming
 * exactly the entry that has it (the lowest slot), or none. */
static void
check_poly_heads(void)
{
    for (int n = 1; n <= SIGIL_POLY_MAX; n++) {
        sigil_record block[1 + SIGIL_POLY_MAX];
        memset(block, 0, sizeof(block));
        block[0].index = (uint16_t)n;
        for (int i = 0; i < n; i++) {
            block[1 + i].version = (uint32_t)(11 * (i + 1));
        }
        sigil_record_poly_fill(&block[0]);
        CHECK(sigil_record_poly_filled(&block[0]));
        for (int i = n; i < SIGIL_POLY_MAX; i++) {
            CHECK(block[0].poly_versions[i] == 11);
        }
        for (uint32_t v = 0; v <= 50; v++) {
            unsigned vec = sigil_record_poly_match(block[0].poly_versions, v);
            unsigned sca = sigil_record_poly_match_scalar(block[0].poly_versions, v);
            CHECK(vec == sca);
            int want = (v % 11 == 0 && v >= 11 && v <= 11u * (uint32_t)n) ? (int)(v / 11) - 1 : -1;
            CHECK(want < 0 ? vec == 0 : (vec != 0 && __builtin_ctz(vec) == want));
        }
        block[1].version = 99;   /* an entry changed behind the copy */
        CHECK(!sigil_record_poly_filled(&block[0]));
    }
}

int
main(void)
{
    check_poly_heads();
    Py_Initialize();
    interp = PyInterpreterState_Get();
    CHECK(sigil_code_init(&idx) == 0);

    /* 300 locals force EXTENDED_ARG on the high ones. */
    char src[20000];
    int n = snprintf(src, sizeof(src), "def big():\n");
    for (int i = 0; i < 300; i++) {
        n += snprintf(src + n, sizeof(src) - n, "    v%d = %d\n", i, i);
    }
    snprintf(src + n, sizeof(src) - n, "    return v299\n");
    PyCodeObject *co = compile_fn(src, "big");
    CHECK(co != NULL);
    sigil_code *sc = sigil_code_get_slow(co, idx);
    CHECK(sc != NULL && sc->co == co);
    CHECK(sigil_code_get_fast(co, idx) == sc);
    void *extra = NULL;
    CHECK(PyUnstable_Code_GetExtra((PyObject *)co, idx, &extra) == 0 && extra == sc);

    /* Decode: find STORE_FAST 299 and RETURN; the EXTENDED_ARG before the
     * store holds the high byte, the store itself the full oparg. */
    int found_store = 0, found_ext = 0;
    for (Py_ssize_t i = 0; i < sc->ncodeunits; i++) {
        sigil_word w = sigil_code_word(sc, i);
        if (SIGIL_W_OP(w) == STORE_FAST && SIGIL_W_ARG(w) == 299) {
            found_store = 1;
            sigil_word prev = sigil_code_word(sc, i - 1);
            found_ext = SIGIL_W_OP(prev) == EXTENDED_ARG && SIGIL_W_ARG(prev) == 1;
        }
        if (SIGIL_W_OP(w) == CACHE) {
            CHECK(SIGIL_W_ARG(w) == 0);
        }
    }
    CHECK(found_store);
    CHECK(found_ext);
    /* A word's cache count skips exactly the CACHE slots after it. */
    for (Py_ssize_t i = 0; i < sc->ncodeunits;) {
        sigil_word w = sigil_code_word(sc, i);
        CHECK(SIGIL_W_OP(w) != CACHE);
        for (int c = 1; c <= SIGIL_W_NCACHE(w); c++) {
            CHECK(SIGIL_W_OP(sigil_code_word(sc, i + c)) == CACHE);
        }
        i += 1 + SIGIL_W_NCACHE(w);
    }

    /* Racing attachment from 8 threads publishes one table. */
    shared_code = compile_fn("def small(a):\n    return a + 1\n", "small");
    CHECK(shared_code != NULL);
    PyThreadState *ts = PyEval_SaveThread();
    pthread_t t[8];
    for (int i = 0; i < 8; i++) {
        pthread_create(&t[i], NULL, racer, (void *)(intptr_t)i);
    }
    for (int i = 0; i < 8; i++) {
        pthread_join(t[i], NULL);
    }
    PyEval_RestoreThread(ts);
    for (int i = 0; i < 8; i++) {
        CHECK(seen[i] != NULL && seen[i] == seen[0]);
    }
    int64_t ntables, nbytes;
    sigil_code_memory(&ntables, &nbytes);
    CHECK(ntables == 2 + 1);   /* and the process's __init__ shim table */
    CHECK(sigil_init_shim_table != NULL && sigil_init_shim_table->co == SIGIL_INIT_SHIM_CODE);
    CHECK(sigil_init_shim_table->ncodeunits == 3);
    CHECK(SIGIL_W_OP(sigil_code_word(sigil_init_shim_table, 0)) == EXIT_INIT_CHECK);
    CHECK(SIGIL_W_OP(sigil_code_word(sigil_init_shim_table, 1)) == RETURN_VALUE);
    CHECK(nbytes > 0);
    Py_DECREF(shared_code);
    Py_DECREF(co);
    Py_Finalize();
    return sigil_test_done("test_code");
}
