if x # c
  pass
