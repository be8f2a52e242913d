# f-strings, format specs, str.format and %-formatting.
name = "Ada"
n = 42
pi = 3.14159265
print(f"hello {name}!", f"{n} {n + 1} {n * 2}")
print(f"{pi:.2f} {pi:10.3f}| {n:5d}| {n:<5d}| {n:^7}| {n:05d} {n:x} {n:X} {n:o} {n:b}")
print(f"{name!r} {name:>6} {name:*^9} {[1, 2]} {None}")
print(f"{1234567:,} {0.5:%} {12.5:e} {1e-5:g} {123.0:g}")
print(f"{n=} {pi=:.1f} {name=}")
print(f"{'nested'} {f'{n}'} {{braces}}")
print("{} and {}".format("a", "b"), "{1}{0}".format("x", "y"), "{k}".format(k=5))
print("{:>4}|{:<4}|{:^4}".format(1, 2, 3), "{:.3}".format("abcdef"))
print("%d items, %s, %.2f, %5s|%-5s|, %r, %%" % (3, "str", 2.5, "ab", "cd", "q"))
print("%x %o %e" % (255, 8, 1234.5), "%s" % [1, 2], "%(a)s-%(b)d" % {"a": "A", "b": 2})
w = 8
print(f"{'x':{w}}|", f"{pi:.{2}f}")
print(f"{-5:+d} {5:+d} {3.0:.0f} {2.5:.0f} {1e20:.3g}")
