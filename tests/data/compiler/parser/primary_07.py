print(1, 2, sep='', end='\n')
