def f(x):
    try:
        return x()
    except ValueError as e:
        return e
    finally:
        print('done')

def g(x):
    for i in x:
        try:
            if i:
                break
            continue
        finally:
            print(i)

def h():
    try:
        pass
    except Exception as e:
        del e

def k(x):
    try:
        return 1
    finally:
        return 2

def m(x):
    while x:
        try:
            x -= 1
        except:
            break
