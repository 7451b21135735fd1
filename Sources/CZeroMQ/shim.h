// C shim for libzmq. Only the `ZeroMQ` module imports this; helpers are prefixed `c_gerbang_zmq_`.
#ifndef C_GERBANG_ZMQ_SHIM_H
#define C_GERBANG_ZMQ_SHIM_H

#include <zmq.h>
#include <errno.h>

/// errno after a failed libzmq call (libzmq reports through errno; read it right after the call).
static inline int c_gerbang_zmq_errno(void) { return zmq_errno(); }

#endif
