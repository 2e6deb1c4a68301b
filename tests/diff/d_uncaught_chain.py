# Ends with an uncaught exception: the runner compares the traceback printed
# to stderr (with chained __cause__ and __context__) and exit status 1.
class ConfigError(Exception):
    pass

def parse(text):
    return int(text)

def load(values):
    out = []
    for v in values:
        try:
            out.append(parse(v))
        except ValueError as e:
            raise ConfigError(f"bad value {v!r}") from e
    return out

def main():
    print("loaded", load(["1", "2"]))
    try:
        load(["3", "x"])
    except ConfigError:
        print("first failure handled")
        cleanup = None
        cleanup.close()

print("start")
main()
print("never printed")
