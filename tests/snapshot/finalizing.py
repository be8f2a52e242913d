# Inside __del__ while gc.collect() finalizes a two-object cycle: the
# object being finalized is on finalize_garbage's "seen" list, its partner
# still on "unreachable".
import gc

class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

a = T("a")
b = T("b")
a.other = b
b.other = a
del a, b
gc.collect()
