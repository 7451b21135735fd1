import CZeroMQ

extension Message {
    /// The file descriptor of the connection a received message came from
    /// (`zmq_msg_get(msg, ZMQ_SRCFD)`), or `nil` when libzmq knows none (a message built locally,
    /// or one that arrived over `inproc://`).
    ///
    /// libzmq marks `ZMQ_SRCFD` as deprecated but still answers it in 4.3 from the connection's
    /// metadata (`"__fd"`), which every frame received over TCP or IPC carries; the routing-id
    /// frame a ROUTER prepends may carry none, so read it from the peer's own frames. It is the
    /// only way to relate a ROUTER's peer to the file descriptors in socket-monitor events
    /// (``MonitorEvent/Kind/accepted``, ``MonitorEvent/Kind/disconnected``). Descriptors are
    /// reused by the kernel once closed: a consumer has to order the two streams itself.
    public var sourceFileDescriptor: Int32? {
        let descriptor = zmq_msg_get(pointer, ZMQ_SRCFD)
        return descriptor >= 0 ? descriptor : nil
    }
}
