x = U'a'
x = u'a' 'b'
x = 'a' u'b'
