x = f'{a:x{b}y{c}z}'
