x = b''
