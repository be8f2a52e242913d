x = 'a\tb'
