from a import b
from a.b import c as d, e
from . import x
from .. import y
from ...a import b
from .... import c
from a import (b, c as d,)
from a import *
