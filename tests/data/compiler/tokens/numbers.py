a = [0, 1, 00, 0_0, 7, 42, 1_000_000, 123456789012345678901234567890]
b = [0x0, 0xff, 0XAbC, 0x_dead_BEEF, 0o0, 0o17, 0O7_7, 0o_7, 0b0, 0B1010, 0b_1_0]
c = [0.0, 1.5, 1., .5, 1e10, 1E-3, 1.5e+3, 1_000.5e-3, 0e0, 00.5, 09.5, 09e1, 1e1_0]
d = [1j, 1.5J, 0j, 09j, 1e3j, 123_456j, .5j]
e = [1 if x else 2, 0x1for x in y, 1or 2, 1 .real, 1..real, 1if 1else 2]
f = 1 .__class__ if 0 else 1e5
g = [0b1or 1, 0o7if 1 else 2, 1jif 1 else 2, 1.5and 1, 1e3not in y, 0in y, 0x1in y]
