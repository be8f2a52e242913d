# The methods of list.
a = [3, 1, 2]
a.append(4)
print(a)
a.extend([5, 6])
a.extend("ab")
print(a)
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before last")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove("a")
print(a, a.index(2), a.count(1), [1, 1, 2].count(1))
b = a.copy()
b.reverse()
print(a, b, a is b)
nums = [5, 2, 9, 1, 5, 6]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["ccc", "a", "bb"]
words.sort(key=len)
print(words)
print(nums.clear(), nums, len(nums))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1].index(3)
except ValueError as e:
    print("ValueError:", e)
print([1, 2].append(3))
