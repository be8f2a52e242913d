x = 'a'
x = "b"
x = '''c'''
x = """d
e"""
x = 'a' 'b'
x = ('a'
     'b')
x = r'\n'
x = u'x'
x = b'x'
x = rb'\x'
x = b'a' b'c'
x = ''
