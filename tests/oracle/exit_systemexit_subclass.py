# A subclass of SystemExit ends the program as SystemExit does.
class Stop(SystemExit):
    pass


print("before")
raise Stop("stopping with a message")
