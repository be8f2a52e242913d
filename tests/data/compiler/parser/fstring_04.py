x = f'a{b!r:>{w}} {c=} {d:{e}.{f}}'
