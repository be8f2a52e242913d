raise E, V
