x = f'{a>b}'
x = f'{a<b}'
x = f'{a!=b}'
x = f'{a==b}'
