// The ZeroMQ module: a safe Swift binding of libzmq. See ZeroMQ/Context.swift.
