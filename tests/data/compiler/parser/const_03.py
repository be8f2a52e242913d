x = 1j
x = 1.5j
x = 1e3J
x = 0j
