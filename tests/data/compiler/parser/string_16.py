x = 'It''s'
