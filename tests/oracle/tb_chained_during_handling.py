# An exception raised inside an except block: both tracebacks, chained implicitly.
def parse(text):
    return int(text)

def safe_parse(text):
    try:
        return parse(text)
    except ValueError:
        print("parse failed, looking up fallback")
        fallbacks = {}
        return fallbacks[text]

print(safe_parse("12"))
print(safe_parse("twelve"))
