# Ends via sys.exit() with a non-zero code from inside nested finally
# blocks; atexit handlers run in reverse order and flush both streams.
import atexit, sys

def bye(name):
    print(f"atexit {name}")
    sys.stderr.write(f"atexit stderr {name}\n")
atexit.register(bye, "first-registered")
atexit.register(bye, "second-registered")

def deep(n):
    try:
        if n == 0:
            print("calling sys.exit(3)")
            sys.exit(3)
        deep(n - 1)
    finally:
        print(f"finally at depth {n}")

try:
    deep(3)
except SystemExit as e:
    print("caught SystemExit", e.code, "- re-raising")
    raise
