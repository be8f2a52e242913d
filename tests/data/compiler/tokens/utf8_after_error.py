x = 1
x = "abc
y = ÿ
