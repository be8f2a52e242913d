data = [1, 2, 3]
squares = [v * v for v in data if v > 1]
pairs = {k: w for k in data for w in range(k)}
gen = (p + offset for p in data)
nested = [[j for j in range(i)] for i in data]
def f(seq):
    return {s for s in seq if s in seq}
