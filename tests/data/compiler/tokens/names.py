x = _private + __dunder__ + CamelCase + snake_case_2 + _1
if True and not False or None is None: pass
async def f():
    await g()
match = case = _ = 1
print(lambda: 0, 1 if x else 2)
