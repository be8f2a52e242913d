for i in range(3):
    try:
        f(i)
    except ValueError as e:
        continue
    except TypeError:
        break
    else:
        pass
    finally:
        g()
