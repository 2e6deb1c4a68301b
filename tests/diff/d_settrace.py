# sys.settrace: call/line/return/exception events with line numbers relative
# to each function, f_trace_lines/f_trace_opcodes toggles, tracing of
# generators, setting frame.f_trace, and sys.setprofile for calls.
import sys

events = []
def tracer(frame, event, arg):
    co = frame.f_code
    if co.co_filename != __file__:
        return None
    rel = frame.f_lineno - co.co_firstlineno
    if event == "exception":
        arg = arg[0].__name__
    elif event == "return":
        arg = repr(arg)
    else:
        arg = None
    events.append((co.co_name, event, rel, arg))
    return tracer

def target(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    return total
def raiser():
    try:
        {}["missing"]
    except KeyError:
        pass
    return "handled"
def gen(n):
    for i in range(n):
        yield i * i
def uses_all():
    a = target(3)
    b = raiser()
    c = list(gen(2))
    d = [x for x in range(2)]
    try:
        1 / 0
    except ZeroDivisionError:
        e = "zde"
    with open(__file__) as fh:
        first = fh.readline()[:5]
    return a, b, c, d, e, first

sys.settrace(tracer)
result = uses_all()
sys.settrace(None)
print(result)
for ev in events:
    print(ev)

events.clear()
def opcode_tracer(frame, event, arg):
    if frame.f_code.co_name != "small":
        return None
    frame.f_trace_opcodes = True
    frame.f_trace_lines = False
    if event == "opcode":
        events.append(("opcode", frame.f_lasti >= 0))
    else:
        events.append((event, frame.f_lineno - frame.f_code.co_firstlineno))
    return opcode_tracer
def small(x):
    y = x + 1
    return y * 2
sys.settrace(opcode_tracer)
small(1)
sys.settrace(None)
print("opcode events:", len([e for e in events if e[0] == "opcode"]) > 3, [e for e in events if e[0] != "opcode"])

calls = []
def profiler(frame, event, arg):
    if event in ("call", "return") and frame.f_code.co_filename == __file__:
        calls.append((event, frame.f_code.co_name))
    elif event in ("c_call", "c_return") and getattr(arg, "__name__", "") in ("len", "sorted"):
        calls.append((event, arg.__name__))
sys.setprofile(profiler)
def profiled():
    return len(sorted([3, 1, 2]))
profiled()
sys.setprofile(None)
print(calls)

events.clear()
def jump_tracer(frame, event, arg):
    if frame.f_code.co_name == "jumper" and event == "line":
        rel = frame.f_lineno - frame.f_code.co_firstlineno
        events.append(rel)
        if rel == 2:
            frame.f_lineno = frame.f_code.co_firstlineno + 4
    return jump_tracer
def jumper():
    out = []
    out.append("skipped?")
    out.append("also skipped?")
    out.append("landed")
    return out
sys.settrace(jump_tracer)
r = jumper()
sys.settrace(None)
print(r, events)
def local_trace():
    events.clear()
    def lt(frame, event, arg):
        events.append((event, frame.f_lineno - frame.f_code.co_firstlineno))
        return lt
    def traced_only():
        a = 1
        b = 2
        return a + b
    def starter(frame, event, arg):
        if frame.f_code is traced_only.__code__:
            return lt
        return None
    sys.settrace(starter)
    traced_only()
    sys.settrace(None)
    return events[:]
print(local_trace())
print(sys.gettrace())
