def f():
    raise ValueError(
        'message'
    ) from None
