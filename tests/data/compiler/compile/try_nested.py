try:
    try:
        a = 1
    except KeyError:
        a = 2
    finally:
        b = 3
except Exception as e:
    try:
        raise
    except:
        pass
