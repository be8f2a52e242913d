1
'doc'
