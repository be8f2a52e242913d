if x:
  é = 1
 é
