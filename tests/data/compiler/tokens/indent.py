if a:
    b = 1
    if c:
        d = 1
        if e:
            f = 1
    g = 1
else:
  h = 1
  while x:
      i = 1
      # comment at an odd indentation
   # and another

      j = 1
k = 1
for x in y:
	if x:
		pass
		if x: pass
def f():
    return 1
class C:
    def m(self):
        pass
