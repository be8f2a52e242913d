import sys
import os.path
import os.path as p
import gc, weakref
from sys import getrefcount
from sys import getsizeof as size, intern
from . import x
from .mod import y
from ..pkg.mod import z as w
def f():
    import sys
    from gc import collect
    return sys, collect
