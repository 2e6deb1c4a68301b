# Exception state: sys.exc_info()/sys.exception() inside and after handlers,
# nested handlers restoring the outer exception (PUSH_EXC_INFO/POP_EXCEPT),
# exception state in generators across yields, bare raise after nested
# handling, exceptions matched by tuples/subclasses (CHECK_EXC_MATCH), errors.
import sys

def state():
    t, v, tb = sys.exc_info()
    return (t.__name__ if t else None, str(v) if v else None, tb is not None, repr(sys.exception()))
print("outside:", state())
try:
    raise ValueError("outer")
except ValueError:
    print("in outer:", state())
    try:
        raise KeyError("inner")
    except KeyError:
        print("in inner:", state())
    print("back in outer:", state())
    try:
        raise
    except ValueError as e:
        print("bare raise re-raised:", repr(e))
print("after all:", state())

def gen():
    try:
        raise TypeError("gen-held")
    except TypeError:
        print("  gen before yield:", state())
        yield 1
        print("  gen after yield:", state())
        yield 2
    print("  gen outside handler:", state())
    yield 3
g = gen()
next(g)
print("caller while gen suspended in handler:", state())
try:
    raise OSError("caller")
except OSError:
    next(g)
    print("caller handler after gen resumed:", state())
next(g)
def matching(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return f"lookup {type(e).__name__}"
    except ArithmeticError as e:
        return f"arith {type(e).__name__}"
    except Exception as e:
        return f"other {type(e).__name__}"
for exc in (KeyError(1), IndexError(2), ZeroDivisionError(), OverflowError(), ValueError(), LookupError()):
    print(matching(exc))
def bad_except_type():
    try:
        raise ValueError
    except 5:
        pass
try:
    bad_except_type()
except TypeError as e:
    print("TypeError:", e)
def bad_except_tuple():
    try:
        raise ValueError
    except (ValueError, "str"):
        return "matched first element"
try:
    print(bad_except_tuple())
except TypeError as e:
    print("TypeError:", e)
def not_raised_bad_type():
    try:
        return "no exception, bad type never checked"
    except 5:
        pass
print(not_raised_bad_type())
class Meta(type):
    def __instancecheck__(cls, inst):
        return True
    def __subclasscheck__(cls, sub):
        print("  __subclasscheck__ called for", sub.__name__)
        return sub is KeyError
class Catcher(Exception, metaclass=Meta):
    pass
try:
    raise KeyError("meta")
except Catcher as e:
    print("caught via metaclass:", repr(e))
except KeyError:
    print("caught as KeyError")
def handler_var_scope():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    return "e" in locals()
print("e survives handler:", handler_var_scope())
def exc_in_except():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise TypeError("second")
    except TypeError as e:
        return repr(e), repr(e.__context__)
print(exc_in_except())
def context_not_self():
    try:
        try:
            raise ValueError("same")
        except ValueError as e:
            raise e
    except ValueError as e2:
        return e2.__context__
print("context of re-raised:", context_not_self())
def context_cycle():
    try:
        try:
            raise KeyError("a")
        except KeyError as a:
            try:
                raise ValueError("b")
            except ValueError as b:
                raise a
    except KeyError as final:
        return repr(final.__context__), repr(final.__context__.__context__)
print(context_cycle())
def return_in_except():
    try:
        raise ValueError
    except ValueError:
        return state()
print("returned from handler:", return_in_except(), "now:", state())
def loop_handlers():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise IndexError(i)
            out.append(("ok", i))
        except IndexError as e:
            out.append(("caught", e.args[0], state()[0]))
            if i == 3:
                break
            continue
        finally:
            out.append(("finally", i, state()[0]))
    return out
print(loop_handlers())
try:
    raise StopIteration
except StopIteration:
    print("StopIteration catchable normally")
try:
    raise GeneratorExit
except GeneratorExit:
    print("GeneratorExit catchable normally")
try:
    raise SystemExit(5)
except SystemExit as e:
    print("SystemExit code", e.code)
try:
    raise BaseException("base")
except Exception:
    print("wrong")
except BaseException as e:
    print("BaseException caught", e)
