x = a if b c else d
