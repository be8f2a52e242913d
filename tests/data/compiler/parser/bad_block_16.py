try:
