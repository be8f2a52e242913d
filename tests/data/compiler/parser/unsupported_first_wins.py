async def f():
    with x:
        pass
