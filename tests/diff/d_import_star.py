# Star imports at module level (CALL_INTRINSIC_1 INTRINSIC_IMPORT_STAR):
# __all__ respected, underscore names skipped, and star import into
# exec()'d namespaces.
from pkg_diff.alpha import *
print(sorted(k for k in globals() if not k.startswith("__")))
print(PUBLIC, shout("star"), Counter.instances)
try:
    NOT_EXPORTED
except NameError as e:
    print("NameError:", e)
from pkg_diff.sub import *
print(sub_value)
try:
    _hidden
except NameError as e:
    print("NameError:", e)
ns = {}
exec("from pkg_diff.sub.gamma import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
try:
    exec("def f():\n    from os import *\n")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
class BadAll:
    pass
import types, sys
mod = types.ModuleType("bad_all_mod")
mod.__all__ = ["exists", "missing_name"]
mod.exists = 1
sys.modules["bad_all_mod"] = mod
try:
    exec("from bad_all_mod import *", {})
except AttributeError as e:
    print("AttributeError:", e)
mod.__all__ = [1]
try:
    exec("from bad_all_mod import *", {})
except TypeError as e:
    print("TypeError:", e)
from math import *
print(floor(pi), e > 2)
