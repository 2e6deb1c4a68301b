# with statements: BEFORE_WITH, WITH_EXCEPT_START, suppression via __exit__,
# __exit__ arguments, return/break/continue inside with, nesting,
# contextlib helpers, errors for non-context-managers.
import contextlib, traceback

class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print(f"  enter {self.name}")
        return self
    def __exit__(self, et, ev, tb):
        print(f"  exit {self.name}: {et.__name__ if et else None} {ev!r} tb={tb is not None}")
        return self.suppress
    def __repr__(self):
        return f"CM({self.name})"

with CM("a") as a:
    print("  body", a)
with CM("s", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("n"):
        raise KeyError("not suppressed")
except KeyError as e:
    print("caught", repr(e))
with CM("outer") as o, CM("inner", suppress=True) as i:
    print("  body", o, i)
    1 / 0
print("after nested")
with (CM("p1") as p1,
      CM("p2") as p2):
    print("  parenthesized", p1, p2)
def ret():
    with CM("r"):
        return "returned"
print(ret())
for k in range(3):
    with CM(f"loop{k}"):
        if k == 0:
            continue
        if k == 2:
            break
        print("  loop body", k)
class Truthy:
    def __bool__(self):
        print("  __bool__ of exit result")
        return True
class TruthyExit(CM):
    def __exit__(self, *a):
        super().__exit__(*a)
        return Truthy()
with TruthyExit("t"):
    raise RuntimeError("suppressed by truthy object")
print("after truthy")
class RaisingExit(CM):
    def __exit__(self, *a):
        super().__exit__(*a)
        raise TypeError("from __exit__")
try:
    with RaisingExit("x"):
        raise ValueError("original")
except TypeError as e:
    print("exit raised", repr(e), "context", repr(e.__context__))
class RaisingEnter:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("  never")
try:
    with RaisingEnter():
        print("  never")
except OSError as e:
    print("enter raised", repr(e))
for bad in (5, object(), type("OnlyEnter", (), {"__enter__": lambda s: s})()):
    try:
        with bad:
            pass
    except TypeError as e:
        print("TypeError:", e)

@contextlib.contextmanager
def managed(tag):
    print(f"  setup {tag}")
    try:
        yield tag * 2
    except ZeroDivisionError:
        print(f"  managed {tag} swallowed ZeroDivisionError")
    finally:
        print(f"  teardown {tag}")
with managed("m") as v:
    print("  got", v)
with managed("z"):
    1 / 0
try:
    with managed("k"):
        raise KeyError("through generator cm")
except KeyError:
    print(traceback.format_exc())
with contextlib.suppress(IndexError, KeyError):
    [][1]
print("suppress ok")
with contextlib.ExitStack() as stack:
    for n in range(3):
        stack.enter_context(CM(f"stack{n}"))
    stack.callback(print, "  callback ran")
    print("  inside stack")
import io
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured text")
print("redirected:", repr(buf.getvalue()))
def with_exc_info():
    import sys
    class Peek:
        def __enter__(self):
            return self
        def __exit__(self, et, ev, tb):
            print("  exc_info in __exit__:", sys.exc_info()[0].__name__ if sys.exc_info()[0] else None)
            return True
    with Peek():
        raise LookupError
    print("  exc_info after:", sys.exc_info())
with_exc_info()
with CM("no-as"):
    pass
with CM("tuple-target") as (x):
    print("  target", x)
class TupleCM:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        pass
with TupleCM() as (one, (two, three)):
    print("  unpacked", one, two, three)
