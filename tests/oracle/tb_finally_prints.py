# finally blocks run (and print) while an uncaught exception propagates.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def inner():
    t = T("inner local")
    try:
        return 1 / 0
    finally:
        print("inner finally")

def outer():
    keep = T("outer local")
    try:
        inner()
    finally:
        print("outer finally")

glob = T("global")
outer()
