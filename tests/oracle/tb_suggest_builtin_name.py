# "Did you mean" for a name: CPython suggests from all its builtins.
try:
    raise OSErr("x")
except NameError as e:
    print(e)
print(FileNotFoundErro)
