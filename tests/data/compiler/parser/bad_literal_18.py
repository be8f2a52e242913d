1x
