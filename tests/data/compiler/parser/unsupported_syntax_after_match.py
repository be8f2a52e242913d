match x:
    case [a, *b] if a:
        pass
y = = 1
