f'{x for}'
