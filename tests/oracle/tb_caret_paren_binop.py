# The caret line of a binary operation whose left operand is in
# parentheses: the operator is found past the closing one.
x = 10
y = 0
z = ((x + 1)) // y
