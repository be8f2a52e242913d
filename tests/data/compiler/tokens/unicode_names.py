café = 1
日本語 = café + 2
straße = Ω = Δx = 3
naïve_été = [日本語, straße]
𝔘 = 4
_٠ = 6
print(café, "é€😀")  # é in a comment
