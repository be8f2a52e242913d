for a, b in x: pass
for (a, b) in x: pass
for [a, *b] in x: pass
for x.y in z: pass
for x[0] in z: pass
