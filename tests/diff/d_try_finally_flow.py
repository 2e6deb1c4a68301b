# try/finally interacting with return, break, continue and exceptions;
# finally overriding return values; nested handlers; RERAISE paths.
def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())
def finally_runs():
    log = []
    try:
        log.append("try")
        return log
    finally:
        log.append("finally")
print(finally_runs())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())
def loop_ctl():
    out = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_ctl())
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke, exception dropped", i
print(break_in_finally())
def continue_in_finally():
    r = []
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError
            r.append(i)
        finally:
            continue
    return r
print(continue_in_finally())
def nested():
    try:
        try:
            1 / 0
        finally:
            print("  inner finally")
    except ZeroDivisionError:
        print("  caught outer")
        return "ret-from-except"
    finally:
        print("  outer finally")
print(nested())
def exc_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except TypeError as e:
        return f"{e!r} context={e.__context__!r}"
print(exc_in_finally())
def else_clause(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        return "except"
    else:
        return f"else {r}"
    finally:
        print("  finally for", x)
print(else_clause(2), else_clause(0))
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("  finally n", n)
print(while_finally())
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  gen finally")
g = gen_finally()
print(next(g))
g.close()
print("closed")
def deep_mix(k):
    log = []
    for i in range(3):
        try:
            try:
                if i == k:
                    raise IndexError(i)
                log.append(("ok", i))
            except IndexError as e:
                log.append(("caught", e.args))
                if k == 1:
                    continue
                raise
            finally:
                log.append(("inner-finally", i))
        except IndexError:
            log.append("outer-caught")
            break
        finally:
            log.append(("outer-finally", i))
    return log
for k in range(3):
    print(k, deep_mix(k))
def return_value_kept():
    x = 1
    try:
        return x
    finally:
        x = 2
print(return_value_kept())
def except_var_deleted():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    try:
        err
    except UnboundLocalError as e:
        return str(e)
print(except_var_deleted())
