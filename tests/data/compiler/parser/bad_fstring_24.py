f'{a!r:{b!z}}'
