data = [1, 2, 3, 4]
squares = [x * x for x in data if x % 2]
pairs = [(x, y) for x in data for y in data if x != y]
sset = {x for x in data}
dmap = {x: str(x) for x in data}
gen = (x + 1 for x in data)
nested = [[y for y in range(x)] for x in data]
def f(n):
    return [i * n for i in range(n)], sum(j for j in range(n))
total = sum(x for x in data if x > 1)
