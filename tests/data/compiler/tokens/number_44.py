x = 1_if
