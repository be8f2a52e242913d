x = r'a' 'b\n'
