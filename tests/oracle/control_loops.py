# while and for with else, break, continue, pass and nesting.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("while", i)
else:
    print("while-else not reached")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
for x in range(3):
    pass
else:
    print("for-else", x)
for x in [1, 2, 3, 4]:
    if x == 3:
        print("found", x)
        break
else:
    print("not found")
for x in []:
    print("never")
else:
    print("empty for-else")
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        if b > a:
            break
        print("pair", a, b)
result = []
for ch in "hello world":
    if ch in "aeiou":
        continue
    if ch == " ":
        result.append("_")
        continue
    result.append(ch)
print("".join(result))
count = 0
while True:
    count += 1
    if count >= 10:
        break
print(count)
for i in range(3):
    for j in range(3):
        if i * j == 2:
            break
    else:
        print("inner done for", i)
        continue
    print("inner broke for", i)
