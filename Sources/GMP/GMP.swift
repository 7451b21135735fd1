// The GMP module: the GMP/1 wire protocol codec.
