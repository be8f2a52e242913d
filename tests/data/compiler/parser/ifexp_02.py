x = [a if b else c for a in d]
