# The caret line of a subscript with parentheses around the value.
items = [1, 2]
print((items) [ 3 ])
