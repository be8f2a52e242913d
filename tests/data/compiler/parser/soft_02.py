match.x = 1
