del x[1:2], (y.z, [w])
