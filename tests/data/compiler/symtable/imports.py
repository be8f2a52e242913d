import os.path
import sys as system
from collections import OrderedDict as OD, deque
def f():
    import json
    from math import pi
    return json, pi, os, system
