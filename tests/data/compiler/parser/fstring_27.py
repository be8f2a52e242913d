x = f'{a!r:{b!s}}'
