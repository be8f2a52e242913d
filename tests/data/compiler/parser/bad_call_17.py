f(**d, e=1, f)
