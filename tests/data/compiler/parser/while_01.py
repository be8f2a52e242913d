while True:
    if x:
        break
    continue
