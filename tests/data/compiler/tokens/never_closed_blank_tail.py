x = (


# c
