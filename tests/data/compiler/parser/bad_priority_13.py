try:
    pa(ss
except *:
   +p'ass
