x += yield_
