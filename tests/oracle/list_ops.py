# Operators on lists: +, *, in, comparisons, aliasing through repetition.
a = [1, 2]
b = [3]
print(a + b, a * 3, 2 * b, [] * 5, a)
print(2 in a, 5 in a, 5 not in a)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 100])
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
c = a
c += [9]
print(a, c is a)
c = c + [10]
print(a, c, c is a)
a *= 2
print(a)
nested = [1, [2, [3, [4]]]]
print(nested[1][1][1][0], len(nested))
lst = []
lst.append(lst)
print(lst, len(lst))
print([x * 2 for x in [1, 2, 3]])
