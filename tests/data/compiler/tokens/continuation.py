x = 1 + \
    2 + \
3
if a and \
   b:
    pass
y = [1,
     2,  # comment inside brackets

   3]
z = {
  'a': (1,
        2),
}
f(a,
  b)[
  0] ; w = \
  1
