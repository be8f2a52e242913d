x = 'ab\x4g'
