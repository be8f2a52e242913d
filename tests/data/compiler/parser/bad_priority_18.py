f(a b
'abc
