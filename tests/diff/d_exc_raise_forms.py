# RAISE_VARARGS in all forms (bare re-raise, raise X, raise X from Y,
# raise from None), raising classes vs instances, bad raise targets,
# __cause__/__context__/__suppress_context__, exception attributes.
import traceback

def show(fn):
    try:
        fn()
    except BaseException as e:
        print(f"{type(e).__name__}: {e!s} | cause={e.__cause__!r} context={e.__context__!r} suppress={e.__suppress_context__}")

def raise_class():
    raise ValueError
def raise_inst():
    raise ValueError("inst", 2)
def raise_from():
    try:
        {}["k"]
    except KeyError as k:
        raise RuntimeError("wrapped") from k
def raise_from_none():
    try:
        [][0]
    except IndexError:
        raise LookupError("hidden") from None
def raise_from_class():
    raise RuntimeError("x") from ValueError
def implicit_context():
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_variable_here
def bare_reraise():
    try:
        int("q")
    except ValueError:
        raise
def bare_no_active():
    raise
def raise_non_exc():
    raise 42
def raise_bad_cause():
    raise ValueError from 5
def raise_type_not_exc():
    raise int
class CustomErr(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[1]}"
def raise_custom():
    raise CustomErr(7, "custom message")
class NoArgs(Exception):
    pass
def raise_noargs():
    raise NoArgs()
def raise_keyerror():
    raise KeyError("quoted key")
def raise_base():
    raise KeyboardInterrupt("kbd")
for fn in (raise_class, raise_inst, raise_from, raise_from_none, raise_from_class, implicit_context,
           bare_reraise, bare_no_active, raise_non_exc, raise_bad_cause, raise_type_not_exc,
           raise_custom, raise_noargs, raise_keyerror, raise_base):
    print(fn.__name__, end=": ")
    show(fn)
e = ValueError("a", "b")
print(e.args, str(e), repr(e), repr(ValueError()), str(ValueError("solo")), repr(OSError(2, "No such file")))
print(OSError(2, "nf").errno, type(OSError(2, "nf")).__name__, isinstance(FileNotFoundError(), OSError))
e.add_note("note one")
e.add_note("note two")
print(e.__notes__)
try:
    raise e
except ValueError:
    print(traceback.format_exc())
for fn in (raise_from, raise_from_none, implicit_context, bare_reraise):
    try:
        fn()
    except Exception:
        print(traceback.format_exc())
try:
    try:
        raise TypeError("inner")
    except TypeError as inner:
        raise ValueError("outer") from inner
except ValueError as outer:
    tb = outer.__traceback__
    print("tb frames:", [(f.name, f.lineno) for f in traceback.extract_tb(tb)])
    print("with_traceback:", outer.with_traceback(None).__traceback__)
def exc_group_hierarchy():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except Exception as e:
        print(type(e).__name__, e, e.exceptions, e.message)
exc_group_hierarchy()
def stop_iteration_in_gen():
    def g():
        raise StopIteration("from gen")
        yield
    try:
        next(g())
    except RuntimeError as e:
        print("RuntimeError:", e, "cause:", repr(e.__cause__))
stop_iteration_in_gen()
