global a
global a, b, c
