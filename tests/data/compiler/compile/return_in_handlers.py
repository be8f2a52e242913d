def f(x):
    try:
        return x()
    except ValueError:
        return 1
    except TypeError as e:
        return e

def g(x):
    for i in x:
        try:
            pass
        except ValueError:
            break
        except TypeError as e:
            continue

def h(x):
    try:
        pass
    finally:
        if x:
            return 1
