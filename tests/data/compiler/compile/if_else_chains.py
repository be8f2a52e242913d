def classify(n):
    if n < 0:
        return 'neg'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'big'

def nested(a, b):
    if a:
        if b:
            x = 1
        else:
            x = 2
    else:
        if b:
            x = 3
        else:
            x = 4
    return x
