i = 0
while i < 10:
    if i == 5:
        break
    i += 1
else:
    print('no break')
for j in range(3):
    pass
else:
    pass
