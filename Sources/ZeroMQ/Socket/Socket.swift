import CZeroMQ

/// One libzmq socket, closed when the object goes away.
///
/// `Socket` is deliberately **not** `Sendable`: libzmq sockets are not thread-safe. A socket
/// belongs to the thread that created it (see ``IOThread`` for the threading rule); to use one
/// from another thread, create it there. Its blocking calls must not run on Swift's cooperative
/// thread pool.
///
/// A socket keeps its ``Context`` alive, and with it the context's ZAP handler, so a CURVE server
/// socket can never outlive the handler that authenticates its peers.
public final class Socket {
    /// The `void *` from `zmq_socket`, valid until `deinit` closes it.
    let pointer: UnsafeMutableRawPointer
    /// The socket's pattern.
    public let type: SocketType
    /// The public context, when the socket was created through it (it owns the ZAP handler).
    private let context: Context?
    /// Keeps the libzmq context from being terminated while this socket is open.
    let contextHandle: ContextHandle

    /// Creates a socket in `context` and applies `defaults` (see ``SocketDefaults``): linger on
    /// every socket; `ROUTER_MANDATORY` and a send timeout on a ROUTER.
    public convenience init(
        _ type: SocketType, context: Context, defaults: SocketDefaults = SocketDefaults()
    ) throws(ZMQError) {
        try self.init(type, handle: context.handle, context: context, defaults: defaults)
    }

    /// Creates a socket for the binding's own threads (ZAP handler, monitors), which hold only the
    /// context handle so that they do not keep the public ``Context`` alive.
    init(
        _ type: SocketType, handle: ContextHandle, context: Context?,
        defaults: SocketDefaults = SocketDefaults()
    ) throws(ZMQError) {
        pointer = try zmqPointerCall("zmq_socket") { zmq_socket(handle.pointer, type.rawValue) }
        self.type = type
        self.context = context
        self.contextHandle = handle
        try set(.lingerMilliseconds, defaults.lingerMilliseconds)
        if type == .router {
            try set(.routerMandatory, true)
            try set(.sendTimeoutMilliseconds, defaults.routerSendTimeoutMilliseconds)
        }
    }

    deinit {
        // zmq_close only fails with ENOTSOCK, impossible for a pointer this object owns.
        _ = zmq_close(pointer)
    }

    /// Binds to `endpoint` (`tcp://127.0.0.1:*` picks a free port) and returns the endpoint
    /// actually bound (`ZMQ_LAST_ENDPOINT`, e.g. `tcp://127.0.0.1:41234`).
    ///
    /// - Throws: ``ZMQError/Reason/zapHandlerRequired`` when this is a CURVE server socket and the
    ///   context's ZAP handler is not running: libzmq 4.3 without the draft API would let every
    ///   CURVE client in. Otherwise the libzmq error of `zmq_bind`.
    @discardableResult
    public func bind(_ endpoint: String) throws(ZMQError) -> String {
        try requireZAPHandlerForCurveServer(call: "Socket.bind")
        try zmqCall("zmq_bind") { zmq_bind(pointer, endpoint) }
        return try get(.lastEndpoint)
    }

    /// Connects to `endpoint`; libzmq reconnects by itself when the peer goes and comes back.
    ///
    /// - Throws: ``ZMQError/Reason/zapHandlerRequired`` for a CURVE server socket without a running
    ///   ZAP handler (as for ``bind(_:)``), or the libzmq error of `zmq_connect`.
    public func connect(_ endpoint: String) throws(ZMQError) {
        try requireZAPHandlerForCurveServer(call: "Socket.connect")
        try zmqCall("zmq_connect") { zmq_connect(pointer, endpoint) }
    }

    /// Stops listening on an endpoint returned by ``bind(_:)``.
    public func unbind(_ endpoint: String) throws(ZMQError) {
        try zmqCall("zmq_unbind") { zmq_unbind(pointer, endpoint) }
    }

    /// Disconnects from an endpoint given to ``connect(_:)``.
    public func disconnect(_ endpoint: String) throws(ZMQError) {
        try zmqCall("zmq_disconnect") { zmq_disconnect(pointer, endpoint) }
    }

    /// Refuses to listen as a CURVE server when no ZAP handler authenticates clients. Reads the
    /// socket's real mechanism, so it holds however the CURVE options were set.
    private func requireZAPHandlerForCurveServer(call: String) throws(ZMQError) {
        guard try get(.mechanism) == ZMQ_CURVE, try get(.curveServer) else { return }
        let handlerRuns = context?.isZAPHandlerRunning ?? false
        guard !handlerRuns else { return }
        throw ZMQError(
            reason: .zapHandlerRequired, call: call,
            message: "a CURVE server socket needs its context's ZAP handler running "
                + "(Context.startZAPHandler); without it libzmq 4.3 admits any CURVE client")
    }
}

@available(*, unavailable, message: "libzmq sockets are not thread-safe; create the socket on the thread that uses it")
extension Socket: Sendable {}
