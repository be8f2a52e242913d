x = [(yield_) for yield_ in a]
