def a(x):
    for i in x:
        try:
            return i
        finally:
            print(i)

def b(x):
    while x:
        try:
            break
        except ValueError:
            continue
        finally:
            x -= 1

def c(x):
    try:
        try:
            return x
        finally:
            print(1)
    finally:
        print(2)

def d(x):
    for i in x:
        try:
            pass
        except Exception as e:
            return e
        else:
            continue

def e():
    try:
        yield 1
    finally:
        yield 2

def f(x):
    try:
        x()
    except (TypeError, ValueError):
        raise
    except Exception as err:
        raise RuntimeError('x') from err

def g(x):
    for i in x:
        try:
            f(i)
        finally:
            break

def h(x):
    for i in x:
        try:
            f(i)
        finally:
            continue
