if x:
  pass
    y
