# Subpackage without __all__: star-import exports public names only.
print("  pkg_diff.sub executing")
sub_value = "from sub"
_hidden = "hidden"
