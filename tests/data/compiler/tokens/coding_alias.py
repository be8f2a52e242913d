#!/usr/bin/env python3
# vim: set fileencoding=utf8 :
é = 'é'
