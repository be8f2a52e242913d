(z): str = 'a'
