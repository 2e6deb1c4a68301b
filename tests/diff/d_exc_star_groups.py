# except* and ExceptionGroup: CHECK_EG_MATCH, CALL_INTRINSIC_2
# (prep_reraise_star), splitting, nesting, re-raising, tracebacks.
import traceback

def run(label, fn):
    print("==", label)
    try:
        fn()
    except BaseException as e:
        print("escaped:", type(e).__name__, repr(e))
        print(traceback.format_exc())

def basic():
    try:
        raise ExceptionGroup("grp", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as eg:
        print("  ValueError part:", repr(eg))
    except* TypeError as eg:
        print("  TypeError part:", repr(eg))
run("basic", basic)

def partial():
    try:
        raise ExceptionGroup("grp", [ValueError(1), KeyError(2), OSError(3)])
    except* ValueError:
        print("  handled ValueError")
run("partial (rest escapes)", partial)

def naked():
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("  wrapped:", repr(eg), repr(eg.exceptions))
run("naked exception wrapped", naked)

def nested_groups():
    try:
        raise ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
    except* ValueError as eg:
        print("  values:", repr(eg))
    except* TypeError as eg:
        print("  types:", repr(eg))
run("nested", nested_groups)

def raise_in_handler():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("from handler")
run("raise in handler", raise_in_handler)

def reraise_in_handler():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("  re-raising ValueError part")
        raise
    except* TypeError:
        print("  swallowing TypeError part")
run("reraise", reraise_in_handler)

def with_else_finally():
    try:
        pass
    except* ValueError:
        print("  never")
    else:
        print("  else ran")
    finally:
        print("  finally ran")
run("else/finally", with_else_finally)

def tuple_match():
    try:
        raise ExceptionGroup("g", [KeyError("k"), IndexError("i"), ZeroDivisionError("z")])
    except* (KeyError, IndexError) as eg:
        print("  lookup errors:", sorted(type(x).__name__ for x in eg.exceptions))
    except* ArithmeticError as eg:
        print("  arithmetic:", repr(eg))
run("tuple match", tuple_match)

def bad_match_type():
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* ExceptionGroup:
        pass
run("except* ExceptionGroup is invalid", bad_match_type)

def split_subgroup():
    eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3)])])
    match, rest = eg.split(ValueError)
    print("  match:", repr(match))
    print("  rest:", repr(rest))
    print("  subgroup:", repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
    print("  derive:", repr(eg.derive([KeyError(9)])))
run("split/subgroup", split_subgroup)

def base_group():
    try:
        raise BaseExceptionGroup("bg", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt:
        print("  caught KeyboardInterrupt part")
run("base group", base_group)

def uncaught_group_traceback():
    def inner():
        raise ExceptionGroup("many problems", [ValueError("bad value"), TypeError("bad type")])
    inner()
run("group traceback", uncaught_group_traceback)

def notes_on_group():
    try:
        raise ExceptionGroup("noted", [ValueError(1)])
    except* ValueError as eg:
        eg.add_note("note added in handler")
        raise
run("notes", notes_on_group)

def multiple_in_loop():
    for i in range(3):
        try:
            if i == 0:
                raise ExceptionGroup("l", [ValueError(i)])
            elif i == 1:
                raise TypeError(i)
        except* ValueError:
            print("  loop value", i)
        except* TypeError:
            print("  loop type", i)
        print("  after", i)
run("loop", multiple_in_loop)
