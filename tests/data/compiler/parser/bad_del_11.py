del a,,
