# Test package for the differential tests: relative imports, star imports,
# __all__, submodule attributes, import-time side effects.
print("  pkg_diff/__init__ executing, __name__ =", __name__, "__package__ =", __package__)
from . import alpha
from .alpha import shout as _shout
from .sub import beta
VERSION = (1, 2)
def greet(who):
    return _shout("hello " + who)
