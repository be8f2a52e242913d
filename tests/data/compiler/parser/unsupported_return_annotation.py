def f() -> None:
    pass
