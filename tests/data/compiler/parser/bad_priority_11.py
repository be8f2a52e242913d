if x: # c


    # d
  y = 1
 z = 2
