µ = 1
ﬁle = µ
print(μ, file)
