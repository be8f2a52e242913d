# raise ... from None suppresses the context.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError("no key " + k) from None

print(lookup({"a": 1}, "a"))
lookup({}, "b")
