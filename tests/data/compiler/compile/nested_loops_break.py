for i in range(3):
    for j in range(3):
        if j == i:
            break
        while j:
            j -= 1
            continue
    else:
        print(i)
