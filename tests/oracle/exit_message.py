# sys.exit with a message: printed on stderr, status 1.
import sys

print("about to exit")
sys.exit("fatal: configuration missing")
