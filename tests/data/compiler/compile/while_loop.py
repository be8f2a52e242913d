i = 0
while i < 10:
    i += 1
while True:
    i -= 1
    if i == 3:
        break
    if i == 5:
        continue
    i -= 1
while i:
    i -= 1
else:
    j = 1
while 1:
    break
