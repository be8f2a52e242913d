y = ('ab' f'{x}'
 'cd')
