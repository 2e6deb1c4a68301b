# Ends with an uncaught SyntaxError raised by compile() of generated code,
# after printing results: stderr shows the SyntaxError caret rendering.
src_ok = "total = sum(i * i for i in range(10))"
ns = {}
exec(src_ok, ns)
print("ok:", ns["total"])
bad = "def broken(:\n    return 1\n"
print("compiling bad source")
compile(bad, "generated.py", "exec")
