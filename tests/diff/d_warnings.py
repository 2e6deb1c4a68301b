# warnings: default output to stderr with file/line/source, stacklevel,
# filters (error/ignore/once/always), catch_warnings(record=True),
# custom categories, DeprecationWarning visibility in __main__.
import warnings

def deprecated_api():
    warnings.warn("deprecated_api is deprecated", DeprecationWarning, stacklevel=2)
    return "result"
print(deprecated_api())
warnings.warn("plain user warning")
def level3():
    warnings.warn("from level3 with stacklevel=3", UserWarning, stacklevel=3)
def level2():
    level3()
level2()
for i in range(3):
    warnings.warn("repeated in loop (shown once per location)", RuntimeWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for i in range(2):
        warnings.warn(f"recorded {i}", FutureWarning)
    deprecated_api()
    print([(w.category.__name__, str(w.message), w.lineno > 0) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error", UserWarning)
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("raised:", repr(e))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("ignored entirely")
print("after ignore")
class AppWarning(Warning):
    pass
warnings.warn("custom category", AppWarning)
warnings.warn_explicit("explicit location", SyntaxWarning, "virtual.py", 42)
with warnings.catch_warnings(record=True) as caught:
    warnings.filterwarnings("always", message="match.*")
    warnings.filterwarnings("ignore", message="skip.*")
    warnings.warn("match me")
    warnings.warn("skip me")
    print([str(w.message) for w in caught])
def gen_warning():
    yield 1
    warnings.warn("inside generator", UserWarning)
    yield 2
print(list(gen_warning()))
import sys
print("stderr and stdout interleave in separate streams", file=sys.stderr)
warnings.warn(Warning("instance warning"))
with warnings.catch_warnings():
    warnings.simplefilter("always")
    eval("1 is 1")
    compile("x = 5 is 5", "<compiled>", "exec")
print("done")
