# The caret line under a line with wide characters (CJK, emoji): 3.11.7
# lines carets up by display width, two columns for each of them.
names = {"名字": "文"}
print(names["名字"] + 1)
