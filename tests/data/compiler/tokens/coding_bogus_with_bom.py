# coding: u8
x = 1
