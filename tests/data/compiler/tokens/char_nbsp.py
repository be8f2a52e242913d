x = a 
