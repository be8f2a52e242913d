x = '''a
b
c'''
