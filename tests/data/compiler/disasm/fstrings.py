name = "w"
width = 10
print(f"{name}")
print(f"{name!r} {name!s} {name!a}")
print(f"{name:>10} {name!r:^{width}} {3.14159:.2f}")
print(f"a{name}b{width}c{{}}")
print(f"{f'{name}'}")
print(f"{name=}")
