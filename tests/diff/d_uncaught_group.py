# Ends with an uncaught ExceptionGroup, with nested groups and notes:
# exercises the group traceback renderer on stderr and exit status 1.
def task(i):
    if i % 2:
        raise ValueError(f"task {i} failed")
    raise TypeError(f"task {i} wrong type")

def run_all():
    errors = []
    for i in range(3):
        try:
            task(i)
        except Exception as e:
            e.add_note(f"while running task {i}")
            errors.append(e)
    inner = ExceptionGroup("inner batch", errors[1:])
    raise ExceptionGroup("all tasks", [errors[0], inner])

print("running")
try:
    run_all()
except* TypeError as eg:
    print("handled TypeErrors:", [str(e) for e in eg.exceptions])
    raise
