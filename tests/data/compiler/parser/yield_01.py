def g():
    x = y = yield z
