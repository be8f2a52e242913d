# __del__ of objects still alive when the program ends.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = T("a")
b = T("b")
lst = [T("in list 1"), T("in list 2")]
d = {"k": T("in dict")}
c = T("c")
print("end of program")
