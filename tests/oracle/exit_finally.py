# sys.exit runs finally blocks and __del__; sys.exit() with no argument exits with 0.
import sys

class T:
    def __del__(self):
        print("del at exit")

t = T()
try:
    print("exiting")
    sys.exit()
finally:
    print("finally before exit")
