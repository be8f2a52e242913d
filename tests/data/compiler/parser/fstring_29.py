x = f'{x:%Y-%m-%d}'
