x = R'\\' 'y'
x = Rb'x' BR'y' rB'z'
