print("  pkg_diff.sub.gamma executing")
GAMMA = "gamma!"
