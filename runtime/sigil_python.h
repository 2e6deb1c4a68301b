/* sigil_python.h: the one fence around CPython's internals.
 *
 * Sigil links CPython's static library and uses internal (Py_BUILD_CORE)
 * structures: frames, code objects, the eval-frame hook, QSBR. This header is
 * the only place that defines Py_BUILD_CORE and includes internal headers, so
 * every dependency on CPython's private ABI is visible in one file.
 */
#ifndef SIGIL_PYTHON_H
#define SIGIL_PYTHON_H

#ifndef Py_BUILD_CORE
#define Py_BUILD_CORE 1
#endif

#include <Python.h>
#include <opcode.h>                      /* NB_* binary operator numbers */

#include "internal/pycore_abstract.h"
#include "internal/pycore_call.h"       /* _PyStack_UnpackDict */
#include "internal/pycore_cell.h"       /* PyCell_GetRef & co */
#include "internal/pycore_ceval.h"      /* _PyEval_EvalFrameDefault, helpers */
#include "internal/pycore_code.h"       /* _PyCode_CODE */
#include "internal/pycore_critical_section.h"
#include "internal/pycore_gc.h"         /* _PyObject_GC_IS_SHARED */
#include "internal/pycore_descrobject.h" /* _PyPropertyObject (LOAD_ATTR_PROPERTY) */
#include "internal/pycore_dict.h"       /* _PyDict_LoadGlobal, _PyDict_FromItems */
#include "internal/pycore_frame.h"      /* _PyInterpreterFrame */
#include "internal/pycore_function.h"   /* _PyFunction_SetVersion */
#include "internal/pycore_genobject.h"  /* _Py_MakeCoro, _PyGen_yf */
#include "internal/pycore_import.h"     /* _PyImport_IsDefaultImportFunc */
#include "internal/pycore_instruments.h" /* _Py_call_instrumentation_line */
#include "internal/pycore_interp.h"     /* PyInterpreterState internals */
#include "internal/pycore_intrinsics.h" /* _PyIntrinsics_*Functions */
#include "internal/pycore_list.h"       /* _PyList_AppendTakeRef, _PyListIterObject */
#include "internal/pycore_range.h"      /* _PyRangeIterObject (FOR_ITER_RANGE) */
#include "internal/pycore_lock.h"       /* PyMutex_LockFast */
#include "internal/pycore_long.h"       /* _PyLong_Add & co */
#include "internal/pycore_moduleobject.h"
#include "internal/pycore_object.h"     /* _PyObject_GetMethod */
#include "internal/pycore_floatobject.h" /* _PyFloat_ExactDealloc */
#include "internal/pycore_opcode_metadata.h" /* _PyOpcode_Caches */
#include "internal/pycore_opcode_utils.h"
#include "internal/pycore_pymath.h"     /* _Py_ADJUST_ERANGE1 */
#ifdef Py_STATS                         /* the stats flavor (--enable-pystats) */
#include "internal/pycore_pystats.h"    /* _Py_StatsOn, _Py_StatsOff, _Py_StatsClear */
#endif
#include "internal/pycore_pyerrors.h"   /* _PyErr_SetString & co */
#include "internal/pycore_pystate.h"    /* _PyThreadState_GET */
#include "internal/pycore_qsbr.h"       /* _Py_qsbr_quiescent_state */
#include "internal/pycore_setobject.h"  /* _PySet_Update */
#include "internal/pycore_sliceobject.h"
#include "internal/pycore_sysmodule.h"
#include "internal/pycore_tstate.h"     /* _PyThreadStateImpl */
#include "internal/pycore_tuple.h"      /* _PyTuple_FromArraySteal */
#include "internal/pycore_unicodeobject.h"

/* Sigil's loop counts its own instructions (eval.instructions_sigil) in
 * the stats and debug flavors, where the count is read (instruction
 * share, tests); in the others that key is absent, like the stock count. */
#if defined(Py_STATS) || defined(Py_DEBUG)
#define SIGIL_COUNTS_INSTRUCTIONS 1
#else
#define SIGIL_COUNTS_INSTRUCTIONS 0
#endif

#if PY_VERSION_HEX < 0x030D0000 || PY_VERSION_HEX >= 0x030E0000
#  error "Sigil targets CPython 3.13"
#endif
#ifndef Py_GIL_DISABLED
#  if !defined(SIGIL_ALLOW_GIL_BUILD)
#    error "Sigil targets the free-threaded (--disable-gil) build of CPython"
#  endif
#endif

/* Not in any header: the static code object of the frame CPython's
 * CALL_ALLOC_AND_ENTER_INIT pushes under an __init__ frame to check its
 * result (Python/specialize.c). Sigil's form of that instruction pushes
 * the same frame, so that every frame walker (tracebacks, f_back, the
 * stock loop after a fallback) treats it as CPython's own. Read-only
 * memory: never write to it, not even co_extra. */
extern const struct _PyCode_DEF(8) _Py_InitCleanup;
#define SIGIL_INIT_SHIM_CODE ((PyCodeObject *)&_Py_InitCleanup)

#endif /* SIGIL_PYTHON_H */
