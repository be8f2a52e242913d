x = b'\n\t\x00\xff\377'
