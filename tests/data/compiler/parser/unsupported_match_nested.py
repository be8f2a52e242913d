def f(x):
    match x:
        case {'k': (1 | 2) as v}:
            return v
        case _:
            pass
