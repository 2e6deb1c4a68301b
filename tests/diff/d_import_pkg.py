# Imports: IMPORT_NAME/IMPORT_FROM, relative imports inside a shipped package,
# import caching, submodule attributes, ImportError/ModuleNotFoundError
# messages, circular imports, importlib, import inside functions, __import__.
import sys
import traceback
print("importing pkg_diff")
import pkg_diff
print("imported; again:")
import pkg_diff
print(pkg_diff.VERSION, pkg_diff.greet("world"), pkg_diff.alpha.PUBLIC)
import pkg_diff.sub.beta as beta_mod
print(beta_mod.combined(), beta_mod.lazy(), beta_mod.lazy())
from pkg_diff.sub import gamma, sub_value
from pkg_diff.alpha import shout as s2, Counter
print(gamma.GAMMA, sub_value, s2("x"), Counter.__module__)
import pkg_diff.sub
print(pkg_diff.sub.__name__, pkg_diff.sub.__package__, pkg_diff.alpha.__package__, "pkg_diff.sub.delta" in sys.modules)
print(sorted(m for m in sys.modules if m.startswith("pkg_diff")))
try:
    import pkg_diff.does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from pkg_diff import nothing_here
except ImportError as e:
    print("ImportError:", str(e).replace(pkg_diff.__file__, "<pkg>"), e.name)
try:
    import no_such_top_level_module_xyz
except ImportError as e:
    print(type(e).__name__ + ":", e)
try:
    from pkg_diff.alpha import missing_attr
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import pkg_diff.broken
except RuntimeError:
    print(traceback.format_exc())
print("broken in sys.modules:", "pkg_diff.broken" in sys.modules)
from pkg_diff import circular_a
print(circular_a.get_b(), circular_a.circular_b.get_a())
def local_import():
    import json
    from collections import namedtuple as nt
    P = nt("P", "x y")
    return json.dumps({"p": P(1, 2)._asdict()}, sort_keys=True)
print(local_import())
m = __import__("pkg_diff.sub.gamma")
print(m.__name__, __import__("pkg_diff.sub.gamma", fromlist=["GAMMA"]).__name__)
import importlib
g2 = importlib.import_module(".sub.gamma", "pkg_diff")
print(g2 is gamma)
try:
    importlib.import_module("..x", "pkg_diff")
except ImportError as e:
    print("ImportError:", e)
try:
    exec("from . import x")
except ImportError as e:
    print("ImportError:", e)
import os.path as osp, collections.abc
print(osp.__name__, collections.abc.__name__, osp.basename("/a/b.txt"))
from math import (
    sqrt,
    floor as fl,
)
print(sqrt(16), fl(2.7))
reloaded = importlib.reload(pkg_diff.sub.gamma)
print(reloaded.GAMMA)
