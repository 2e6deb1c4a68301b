"""Builtins shadowed and unshadowed under hot calls, on keys versions.

Attacks: LOAD_GLOBAL_BUILTIN_KEYS, LOAD_GLOBAL_MODULE, CALL_LEN,
         CALL_ISINSTANCE, CALL_BUILTIN_O
The scenario of race_global_builtin_shadow, run after
sigil._set_world(False): every builtin site is then specialized with
CPython 3.13's guards (the keys versions of the globals and the builtins),
as it is when no dict watcher slot is free for the world version.
Writers bind module globals len, isinstance and abs to Python functions
and delete them again.
Invariant: len(T) is 3 or "shadow-len"; isinstance(T, tuple) is True or
"shadow-isinstance"; abs(-4) is 4 or "shadow-abs".
"""
import race_global_builtin_shadow as base


def main():
    try:
        import sigil
    except ImportError:
        sigil = None    # the stock interpreter: nothing to switch
    if sigil is not None and sigil.info().get("mode") != "off":
        sigil._set_world(False)
    base.main(__doc__)


if __name__ == "__main__":
    main()
