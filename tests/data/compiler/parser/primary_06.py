print(*args, **kwargs)
