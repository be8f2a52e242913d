# sys.exit with an integer status.
import sys

def main():
    print("doing work")
    sys.exit(3)
    print("not reached")

try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", e.code)
main()
print("not reached either")
