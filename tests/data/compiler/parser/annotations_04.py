d['k']: int
d[1:2, ::3]: int = v
