x = (1,
2 3
"abc
