# try/except/else/finally: flow, ordering, re-raise, raise from, messages.
def attempt(v):
    try:
        print("try", v)
        r = 10 // v
    except ZeroDivisionError as e:
        print("except", e)
        return "handled"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally", v)

print(attempt(2))
print(attempt(0))

def finally_overrides():
    try:
        return "try"
    finally:
        print("finally runs before return")

print(finally_overrides())
for exc in (KeyError("k"), IndexError("i"), ValueError("v")):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        print("tuple caught", type(e).__name__, e)
    except Exception as e:
        print("Exception caught", type(e).__name__, e)

def reraiser():
    try:
        [][0]
    except IndexError:
        print("logging and re-raising")
        raise

try:
    reraiser()
except IndexError as e:
    print("outer got", e)
try:
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, "cause:", repr(e.__cause__), e.__cause__.__class__.__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during")
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__))
try:
    raise ValueError("a", 1)
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    raise TypeError
except TypeError as e:
    print(repr(e), str(e) == "", e.args)
e = "still here"
try:
    raise NameError("x")
except NameError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
not_callable = 5
def errs():
    msgs = []
    for thunk in (lambda: 1 + "a", lambda: "a" + 1, lambda: None.x, lambda: [1][1:0][0],
                  lambda: int("3.5"), lambda: {}["q"], lambda: undefined_thing,
                  lambda: not_callable(), lambda: len(5), lambda: [].pop(), lambda: 2 ** -1 / 0,
                  lambda: "abc".index("z"), lambda: float("nope"), lambda: {1} + {2}):
        try:
            thunk()
        except Exception as ex:
            msgs.append(type(ex).__name__ + ": " + str(ex))
    return msgs
for m in errs():
    print(m)
try:
    pass
finally:
    print("finally without except")
while True:
    try:
        break
    finally:
        print("finally on break")
for i in range(2):
    try:
        continue
    finally:
        print("finally on continue", i)
