x = f'{
a}'
