import sys
def f(x):
    try:
        y = 1 / x
    except ZeroDivisionError as e:
        print("zero", e)
        y = 0
    except (TypeError, ValueError):
        y = -1
    except:
        raise
    else:
        y += 1
    finally:
        print("done")
    return y

def g():
    try:
        return 1
    finally:
        print("finally")

def h():
    with open("x") as fh, open("y") as fh2:
        return fh.read()

def raiser():
    try:
        raise ValueError("v") from None
    except ValueError as exc:
        raise RuntimeError() from exc

def star():
    try:
        pass
    except* ValueError as eg:
        print(eg)
    except* TypeError:
        pass

def nested():
    for i in range(3):
        try:
            try:
                continue
            finally:
                break
        except Exception:
            pass
try:
    f(0)
except Exception:
    pass
