x = (1 +
     2)
result = func(
    a,
    b,
    c=3,
)
obj.method(
    1
).other(
    2
)
value = (obj
         .attr
         .attr2)
if (a and
        b):
    pass
s = ('abc'
     'def')
