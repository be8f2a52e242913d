def gen(n):
    for i in range(n):
        yield i
    return n

def delegate():
    r = yield from gen(3)
    x = yield r
    yield
    return x

async def coro(aw):
    v = await aw
    async for i in aw:
        print(i)
    async with aw as c:
        pass
    return v

async def agen():
    yield 1
    await coro(None)

def send_it():
    g = gen(2)
    g.send(None)
