import a.b.c
import a.b.c as d
import a.b as e
from .. import f
from ...g.h import i as j, k
from . import *
