x = 'a' f'{b}' 'c'
x = f'{a}' f'{b}'
x = u'a' f'{b}'
