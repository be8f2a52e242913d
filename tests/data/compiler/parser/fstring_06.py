y = ('ab' f'{x:{y}z}'
 f'{q}' 'cd')
