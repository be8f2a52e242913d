def g(x):
    try:
        return 1 / x
    except ZeroDivisionError as err:
        return err
    except (TypeError, ValueError):
        raise
    finally:
        del x
