x = b'\x00' b'a'
