(ma x)
