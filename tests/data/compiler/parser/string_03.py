x = 'café'
x = '日本'
