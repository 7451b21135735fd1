// The baseline of the `zmq-throughput` benchmark: the DEALER -> ROUTER loop written directly
// against libzmq's C API, so that the Swift binding can be compared with it in the same run.
#ifndef ZMQ_RAW_LOOP_H
#define ZMQ_RAW_LOOP_H

/// Sends `message_count` messages of `message_size` bytes from a DEALER (on its own thread) to a
/// ROUTER (on the calling thread) over tcp://127.0.0.1 on an ephemeral port, after one warm-up
/// message that proves the connection is up. Returns the messages per second measured from the
/// end of the warm-up to the receipt of the last message, or a negative value on any failure
/// (then `error` holds a description, if not NULL).
double zmq_raw_loop_run(int message_count, int message_size, char *error, int error_capacity);

#endif
