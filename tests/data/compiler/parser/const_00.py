x = True
y = False
z = None
w = ...
