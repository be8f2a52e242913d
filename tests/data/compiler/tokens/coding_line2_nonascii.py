# coding: utf-8
if x:
  é
 é
