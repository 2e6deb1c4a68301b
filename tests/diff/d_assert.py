# assert: LOAD_ASSERTION_ERROR, messages evaluated lazily, assert with
# tuples (always true), AssertionError tracebacks, shadowed AssertionError.
import traceback
def check(v):
    assert v > 0, f"value must be positive, got {v}"
    assert isinstance(v, int)
    return v * 2
print(check(3))
for bad in (-1, 2.5):
    try:
        check(bad)
    except AssertionError as e:
        print("AssertionError:", repr(e), e.args)
def lazy_msg():
    calls = []
    def msg():
        calls.append(1)
        return "message"
    assert True, msg()
    try:
        assert False, msg()
    except AssertionError as e:
        return calls, str(e)
print(lazy_msg())
try:
    assert 1 == 2
except AssertionError:
    print(traceback.format_exc())
def nested_assert(items):
    for i, it in enumerate(items):
        assert it is not None, ("item", i)
    return len(items)
try:
    nested_assert([1, None])
except AssertionError as e:
    print("args:", e.args)
    print(traceback.format_exc())
def shadowed():
    AssertionError = KeyError
    try:
        assert False, "not a KeyError"
    except KeyError:
        return "caught KeyError?!"
    except BaseException as e:
        return f"real {type(e).__name__}: {e}"
print(shadowed())
class MsgObj:
    def __str__(self):
        return "custom message object"
try:
    assert [], MsgObj()
except AssertionError as e:
    print("str:", e, "| type of arg:", type(e.args[0]).__name__)
x = 0
while True:
    x += 1
    try:
        assert x < 4, x
    except AssertionError as e:
        print("stopped at", e.args[0])
        break
print(__debug__)
