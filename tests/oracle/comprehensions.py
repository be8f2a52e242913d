# List, set and dict comprehensions; nesting; conditions; scope.
print([x * 2 for x in range(5)])
print([x for x in range(10) if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[c for c in w] for w in ["ab", "cd"]])
print([x if x % 2 else -x for x in range(5)])
print({x % 4 for x in range(10)})
print({w: len(w) for w in ["one", "three", "two"]})
print({k: v for k, v in zip("abc", range(3)) if v})
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
x = "outer"
lst = [x for x in range(3)]
print(x, lst)
n = 10
print([n + i for i in range(3)])
def inside():
    k = 100
    return [k + j for j in range(2)], {j: k for j in range(2)}
print(inside())
print(sum([i for i in range(101)]), len({i % 5 for i in range(100)}))
flat = [v for sub in [[1], [2, 3], []] for v in sub]
print(flat)
print([i for i in range(20) if i % 2 if i % 3])
