// C shim for libzmq. Only the `ZeroMQ` module (and its benchmark/tests) imports this; helpers are
// `static inline` and prefixed `c_gerbang_zmq_`.
#ifndef C_GERBANG_ZMQ_SHIM_H
#define C_GERBANG_ZMQ_SHIM_H

#include <zmq.h>
#include <errno.h>

/// errno after a failed libzmq call (libzmq reports through errno; read it right after the call).
static inline int c_gerbang_zmq_errno(void) { return zmq_errno(); }

/// `EINTR`: the call was interrupted by a signal and is retried.
static inline int c_gerbang_zmq_eintr(void) { return EINTR; }

/// `EAGAIN`: a non-blocking call would block, or a timeout (SNDTIMEO/RCVTIMEO) expired.
static inline int c_gerbang_zmq_eagain(void) { return EAGAIN; }

/// `EHOSTUNREACH`: a ROUTER_MANDATORY ROUTER has no peer with that routing id.
static inline int c_gerbang_zmq_ehostunreach(void) { return EHOSTUNREACH; }

/// `ETERM`: the context was terminated (libzmq-specific errno, `ZMQ_HAUSNUMERO + 53`).
static inline int c_gerbang_zmq_eterm(void) { return ETERM; }

/// `EADDRINUSE` as libzmq reports it (the system value where it exists).
static inline int c_gerbang_zmq_eaddrinuse(void) { return EADDRINUSE; }

/// `EINVAL`: an argument was invalid (unknown option, malformed endpoint, bad key length).
static inline int c_gerbang_zmq_einval(void) { return EINVAL; }

/// `EMSGSIZE`: a message exceeded the socket's MAXMSGSIZE.
static inline int c_gerbang_zmq_emsgsize(void) { return EMSGSIZE; }

/// `EFSM`: the operation is not valid in the socket's current state (e.g. REQ sending twice).
static inline int c_gerbang_zmq_efsm(void) { return EFSM; }

/// `ENOTSUP`: the operation is not supported by this socket type.
static inline int c_gerbang_zmq_enotsup(void) { return ENOTSUP; }

#endif
