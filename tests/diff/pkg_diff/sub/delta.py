print("  pkg_diff.sub.delta executing (lazily)")
DELTA = "delta loaded on demand"
