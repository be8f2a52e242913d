a = 'single' + "double" + '' + ""
b = '''triple
single''' + """triple
double"""
c = r'raw\d' + R"RAW" + u'u' + U"U"
d = b'bytes' + B"BYTES" + br'x' + Br'x' + bR'x' + BR'x' + rb'x' + rB'x' + Rb'x' + RB'x'
e = f'{a}' + F"{b!r}" + fr'{c}' + Fr'{c}' + fR'{c}' + FR'{c}' + rf'{d}' + rF'{d}' + Rf'{d}' + RF'{d}'
f = 'esc\'aped' + "esc\"aped" + 'back\\' + "tab\t\n"
g = 'line\
continued'
h = f"{'nested'}" f'{"nested"}' f"""{
a
}"""
i = '''a ''\''' b''' + """"""
j = b'''multi
line
bytes'''
k = 'é€😀' + '''é
😀''' + x
