# Two nodes that refer to each other: after `del a, b` only the cycle
# keeps them alive (until the collector runs).  Snapshot at the end.
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

a = Node('a')
b = Node('b')
a.other = b
b.other = a
keep = [a]
del a, b
