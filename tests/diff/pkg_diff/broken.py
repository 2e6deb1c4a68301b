# Raises at import time; the traceback passes through the import system.
print("  pkg_diff.broken executing")
value = 1
raise RuntimeError("pkg_diff.broken failed to import")
