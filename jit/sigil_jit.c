/* sigil_jit.c: LLVM setup and the ORC LLJIT instance.
 *
 * Later layers add the trace lowering and the code cache; this file owns
 * LLVM's one-time target initialization and the LLJIT lifecycle. It is
 * linked into libsigil-jit.so, not into the launcher (see sigil_jit.h).
 */
#include "sigil_jit.h"

#include <llvm-c/Core.h>
#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Orc.h>
#include <llvm-c/Target.h>
#include <llvm/Config/llvm-config.h>
#include <pthread.h>

static const char *
llvm_version(void)
{
    return LLVM_VERSION_STRING;
}

static pthread_once_t llvm_once = PTHREAD_ONCE_INIT;
static int llvm_ready;

static void
llvm_init(void)
{
    llvm_ready = LLVMInitializeNativeTarget() == 0 && LLVMInitializeNativeAsmPrinter() == 0;
}

/* Build `i64 sigil_selftest_add(i64 a, i64 b) { return a + b; }`. */
static LLVMModuleRef
build_add_module(LLVMContextRef ctx)
{
    LLVMModuleRef m = LLVMModuleCreateWithNameInContext("sigil_selftest", ctx);
    LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
    LLVMTypeRef params[2] = {i64, i64};
    LLVMValueRef fn = LLVMAddFunction(m, "sigil_selftest_add",
                                      LLVMFunctionType(i64, params, 2, 0));
    LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
    LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, fn, "entry"));
    LLVMBuildRet(b, LLVMBuildAdd(b, LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), "sum"));
    LLVMDisposeBuilder(b);
    return m;
}

static int
selftest(const char **err)
{
    pthread_once(&llvm_once, llvm_init);
    if (!llvm_ready) {
        *err = "LLVM native target initialization failed";
        return -1;
    }
    LLVMOrcLLJITRef jit;
    LLVMErrorRef e = LLVMOrcCreateLLJIT(&jit, LLVMOrcCreateLLJITBuilder());
    if (e != NULL) {
        LLVMConsumeError(e);
        *err = "LLVMOrcCreateLLJIT failed";
        return -1;
    }
    LLVMOrcThreadSafeContextRef tsc = LLVMOrcCreateNewThreadSafeContext();
    LLVMModuleRef m = build_add_module(LLVMOrcThreadSafeContextGetContext(tsc));
    LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(m, tsc);
    LLVMOrcDisposeThreadSafeContext(tsc);
    int rc = -1;
    e = LLVMOrcLLJITAddLLVMIRModule(jit, LLVMOrcLLJITGetMainJITDylib(jit), tsm);
    if (e != NULL) {
        LLVMConsumeError(e);
        *err = "adding the module to LLJIT failed";
        goto done;
    }
    LLVMOrcExecutorAddress addr = 0;
    e = LLVMOrcLLJITLookup(jit, &addr, "sigil_selftest_add");
    if (e != NULL || addr == 0) {
        if (e != NULL) {
            LLVMConsumeError(e);
        }
        *err = "looking up the compiled function failed";
        goto done;
    }
    int64_t (*add)(int64_t, int64_t) = (int64_t(*)(int64_t, int64_t))(uintptr_t)addr;
    if (add(40, 2) != 42) {
        *err = "compiled function returned a wrong value";
        goto done;
    }
    rc = 0;
done:
    e = LLVMOrcDisposeLLJIT(jit);
    if (e != NULL) {
        LLVMConsumeError(e);
    }
    return rc;
}

/* -- The module's export ------------------------------------------------------ */

static const sigil_jit_api api = {
    .abi = SIGIL_JIT_ABI,
    .llvm_version = llvm_version,
    .selftest = selftest,
};

__attribute__((visibility("default"))) const sigil_jit_api *
sigil_jit_module(void)
{
    return &api;
}
