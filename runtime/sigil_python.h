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

#include "internal/pycore_ceval.h"      /* _PyEval_EvalFrameDefault */
#include "internal/pycore_code.h"       /* _PyCode_CODE */
#include "internal/pycore_frame.h"      /* _PyInterpreterFrame */
#include "internal/pycore_interp.h"     /* PyInterpreterState internals */
#include "internal/pycore_pystate.h"    /* _PyThreadState_GET */

#if PY_VERSION_HEX < 0x030D0000 || PY_VERSION_HEX >= 0x030E0000
#  error "Sigil targets CPython 3.13"
#endif
#ifndef Py_GIL_DISABLED
#  if !defined(SIGIL_ALLOW_GIL_BUILD)
#    error "Sigil targets the free-threaded (--disable-gil) build of CPython"
#  endif
#endif

#endif /* SIGIL_PYTHON_H */
