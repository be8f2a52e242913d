# Calling the types of None, NotImplemented and Ellipsis gives the singletons.
for t in [type(None), type(NotImplemented), type(...)]:
    print(repr(t()))
    try: t(1)
    except TypeError as e: print(e)
    try: t(a=1)
    except TypeError as e: print(e)
print(type(None)() is None, type(...)() is ...)
