# An exception kept in a local refers to its traceback, which refers to the frame: 3 (exc, tb, frame), 4 when its args tuple is still tracked.
import gc

def bare():
    try:
        raise ValueError
    except ValueError as e:
        err = e
    return 'bare'

def with_arg():
    try:
        raise ValueError("bad")
    except ValueError as e:
        err = e
    return 'with arg'

def division():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
        print("args tracked:", gc.is_tracked(e.args), e.args)
    return 'division'

def examined():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    gc.collect(0)
    print("args tracked after collect(0):", gc.is_tracked(err.args))
    return 'examined'

def no_hold():
    try:
        raise ValueError("bad")
    except ValueError as e:
        pass
    return 'not held'

gc.collect()
print(bare())
print("collected", gc.collect())
print(with_arg())
print("collected", gc.collect())
print(division())
print("collected", gc.collect())
print(examined())
print("collected", gc.collect())
print(no_hold())
print("collected", gc.collect())
print(bare(), bare())
print("collected", gc.collect())
