if 1:
 	x = 1
 	if 2:
 	 y = 2
 	 if 3:
 	  	z = 3
 	w = 4
