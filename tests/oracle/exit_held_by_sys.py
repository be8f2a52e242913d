# At exit, __del__ runs for what __main__'s globals held (in the collector's list order), not for what hangs on sys.
import sys

class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

sys.keep = T("held by sys")
a = T("global a")
b = T("global b")
a.partner = b
print("end")
