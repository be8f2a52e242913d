x = """abc""
