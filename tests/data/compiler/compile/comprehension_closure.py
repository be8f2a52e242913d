def f(n):
    return [i * n for i in range(n)]

def g(n):
    return (i + n for i in range(n))

def h(n):
    return {i: [j for j in range(i + n)] for i in range(n)}
