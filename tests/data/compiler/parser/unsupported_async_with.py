def f():
    pass
async def g():
    async with a: pass
