# The tokenizer's warning, the compiler's, then the compiler's SyntaxError:
# nothing runs.
n = 1if True else 2
print(n is 1)
print("never printed")
for i in range(3):
    pass
continue
