x = [i for i in range(10)]
x = [i for i in range(10) if i if i > 2]
x = [(i, j) for i in a for j in b if i != j]
x = {i for i in a}
x = {k: v for k, v in d.items()}
x = (i for i in a)
x = [x for x, in a]
