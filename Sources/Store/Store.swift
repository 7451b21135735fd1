// The Store module: the broker storage protocol.
