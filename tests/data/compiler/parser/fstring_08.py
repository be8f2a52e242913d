x = f'''abc
  {a}
   {b:{c}}'''
