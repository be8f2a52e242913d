# A subclass of list: its instances are lists to every operation,
# builtin and method (PyList_Check), and results of list operations
# are plain lists.
class Plain(list):
    pass


p = Plain([1, 2, 3])
print(p, repr(p), str(p), len(p), p[0], p[-1], p[1:], type(p[1:]).__name__)
p.append(4)
p.extend(range(2))
p += [9]
p.insert(0, 0)
print(p, type(p).__name__)
print(p.pop(), p.pop(0), p.index(2), p.count(1), p)
p.remove(1)
p.sort(reverse=True)
print(p)
p.reverse()
print(p, list(reversed(p)), sorted(p, reverse=True))
p[0] = 100
del p[1]
p[1:2] = ["a", "b"]
print(p, p * 2, 2 * Plain([5]), type(p * 2).__name__)
q = Plain([3, 1, 2])
print(q + [4], type(q + [4]).__name__, [0] + q, type([0] + q).__name__)
print(q == [3, 1, 2], [3, 1, 2] == q, q != [3], q < [4], q == Plain([3, 1, 2]))
print(2 in q, 9 in q, 9 not in q)
print(isinstance(q, list), isinstance(q, Plain), issubclass(Plain, list), type(q) is Plain)
print(list(q), tuple(q), sum(q), min(q), max(q), sorted(q), set(q) == {1, 2, 3})
print(dict(enumerate(q)), list(zip(q, "abc")), list(map(str, q)))
print(bool(Plain()), bool(Plain([0])), len(Plain()), Plain() == [])
for i, x in enumerate(q):
    print(i, x, end="; ")
print()
print(q.copy(), type(q.copy()).__name__, q[::-1], q[::2])
q.clear()
print(q, len(q))
e = Plain("abc")
print(e, ",".join(e), Plain(x * 2 for x in range(3)), Plain(Plain([7])))
n = Plain([[1], [2]])
print(n, n[0] is n[0], [x for x in n])
print(Plain.__name__, Plain.__mro__, Plain.__base__, type(p).__mro__[1])
print(list.append, Plain.append, Plain.__init__)
try:
    Plain(1, 2)
except TypeError as err:
    print("TypeError:", err)
try:
    Plain(x=1)
except TypeError as err:
    print("TypeError:", err)
try:
    hash(Plain())
except TypeError as err:
    print("TypeError:", err)
try:
    q + (1,)
except TypeError as err:
    print("TypeError:", err)
try:
    Plain()[3]
except IndexError as err:
    print("IndexError:", err)
