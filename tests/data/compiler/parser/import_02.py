from . a import (b)
from .a.b import c
import  a . b  as  c
