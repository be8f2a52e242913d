import sys
import os.path as osp
from gc import get_referrers
sys.getrefcount(x)
osp.join(a, b)
x.append(1)
def f():
    return sys.intern('x'), os.path
