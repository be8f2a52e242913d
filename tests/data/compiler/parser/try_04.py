try: a
except: b
else: c
finally: d
