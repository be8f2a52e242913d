x = "it's"
x = 'say "hi"'
