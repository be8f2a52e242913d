count = 0
def inc():
    global count
    count += 1
class C:
    total = 0
    total += 1
    def m(self):
        C.total += 1
        self.total += 1
