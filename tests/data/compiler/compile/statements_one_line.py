a = 1; b = 2; c = a + b
if a: b = 3
while b: b -= 1
for i in x: pass
def f(): return 1
class C: pass
x = 1 + \
    2
