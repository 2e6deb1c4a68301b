# Closures and cells: MAKE_CELL, COPY_FREE_VARS, LOAD_DEREF, STORE_DEREF,
# DELETE_DEREF, nonlocal, cells for arguments, cell contents introspection,
# NameError/UnboundLocalError messages for free variables.
def make_counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter(10)
print(inc(), inc(5), get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars, make_counter.__code__.co_cellvars)

def arg_cell(x, y):
    def show():
        return x, y
    x = x * 2
    return show
print(arg_cell(1, 2)())

def deleted_cell():
    v = "alive"
    def read():
        return v
    print("  before del:", read())
    del v
    try:
        read()
    except NameError as e:
        print("  NameError:", e)
    try:
        print(v)
    except NameError as e:
        print("  local read NameError:", type(e).__name__, e)
    v = "reborn"
    return read()
print(deleted_cell())

def unbound_free():
    def inner():
        return late
    try:
        inner()
    except NameError as e:
        print("  NameError:", e)
    late = 1
    return inner()
print(unbound_free())

def nested_three():
    a = 1
    def mid():
        b = 2
        def inner():
            nonlocal a
            a += 100
            return a + b
        return inner
    return mid()(), a
print(nested_three())

def loop_closures():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]
print(loop_closures())

def cell_in_loop_fixed():
    fs = []
    for i in range(3):
        def mk(j):
            return lambda: j
        fs.append(mk(i))
    return [f() for f in fs]
print(cell_in_loop_fixed())

def shared_cell():
    x = 0
    def setter(v):
        nonlocal x
        x = v
    def getter():
        return x
    return setter, getter
s, g = shared_cell()
s(42)
print(g(), s.__closure__[0] is g.__closure__[0])

def del_nonlocal():
    z = 1
    def killer():
        nonlocal z
        del z
    def reader():
        return z
    killer()
    try:
        reader()
    except NameError as e:
        return str(e)
print(del_nonlocal())

def gen_closure(n):
    def g():
        for i in range(n):
            yield i * n
    return g
print(list(gen_closure(3)()))

def class_in_func():
    secret = "s3cret"
    class Inner:
        def reveal(self):
            return secret
        attr = secret.upper()
    return Inner().reveal(), Inner.attr
print(class_in_func())

def lambda_chain():
    return (lambda a: (lambda b: (lambda c: a + b + c)))
print(lambda_chain()(1)(2)(3))

def memo(fn):
    cache = {}
    hits = [0]
    def wrapper(n):
        if n in cache:
            hits[0] += 1
            return cache[n]
        r = cache[n] = fn(n)
        return r
    wrapper.hits = hits
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.hits[0])

import types
c = types.CellType(5)
print(c.cell_contents)
c.cell_contents = 6
print(c.cell_contents)
del c.cell_contents
try:
    c.cell_contents
except ValueError as e:
    print("ValueError:", e)

def outer_param_modified():
    vals = []
    def add(v):
        vals.append(v)
        return len(vals)
    add(1); add(2)
    vals = ["replaced"]
    add(3)
    return vals
print(outer_param_modified())
def nonlocal_shadow():
    x = "outer"
    def inner():
        x = "inner-local"
        def innermost():
            nonlocal x
            x = "changed"
        innermost()
        return x
    return inner(), x
print(nonlocal_shadow())
