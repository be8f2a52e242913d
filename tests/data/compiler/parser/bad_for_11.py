x = [for i in y]
