# "Did you mean" for a module attribute: from dir(sys).
import sys
print(sys.getrefcont([]))
