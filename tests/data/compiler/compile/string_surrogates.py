x = '\ud800'
y = 'a\udfffb'
z = '\ud800' + 'x'
w = '\udc00x'[0]
v = '%s\ud800' % (a,)
