café = 1
日本 = café
