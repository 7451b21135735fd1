import CZeroMQ
import Logging

/// A libzmq context: the owner of the I/O threads and of every socket created in it.
///
/// `Context` is `Sendable`: libzmq contexts are thread-safe ("ØMQ contexts are thread safe and may
/// be shared among as many application threads as necessary"), and the only mutable Swift state,
/// the ZAP handler slot, is lock-protected. Share one context between all threads of a process so
/// that `inproc://` endpoints connect.
///
/// Lifetime: each ``Socket`` keeps its context alive. When the last reference goes, the ZAP handler
/// thread (if any) is stopped and joined (up to 100 ms), then the context is terminated once its
/// last socket is closed (`zmq_ctx_term`, which may wait for the sockets' linger). Both block, so
/// let the last reference go on an owned thread, not in async code.
public final class Context: Sendable {
    let handle: ContextHandle
    private let zapHandler = LockedValue<ZAPHandler?>(nil)

    /// Creates a context.
    ///
    /// - Parameter ioThreads: libzmq I/O threads (default 1; libzmq's guide suggests one per
    ///   gigabyte per second of traffic).
    public init(ioThreads: Int32 = 1) throws(ZMQError) {
        handle = try ContextHandle()
        let pointer = handle.pointer
        try zmqCall("zmq_ctx_set") { zmq_ctx_set(pointer, ZMQ_IO_THREADS, ioThreads) }
    }

    deinit {
        let handler = zapHandler.withLock { handler in
            defer { handler = nil }
            return handler
        }
        handler?.stop()
    }

    /// Whether this context's ZAP handler runs. Once started it runs for the rest of the context's
    /// life, so a CURVE server bound while it runs can never lose it.
    public var isZAPHandlerRunning: Bool { zapHandler.withLock { $0 != nil } }

    /// Starts the context's ZAP handler (ZeroMQ RFC 27): a REP socket bound to
    /// `inproc://zeromq.zap.01`, served on a thread this context owns, that asks `authorizer`
    /// about every connection to a socket with a security mechanism (CURVE) in this context.
    ///
    /// Required before any CURVE server socket can be bound (see ``Socket/bind(_:)``). The handler
    /// cannot be stopped on its own; it ends with the context.
    ///
    /// - Parameters:
    ///   - logger: receives one line per decision (public keys only, never payloads) at `debug`,
    ///     denials at `notice`, malformed requests at `warning`.
    ///   - authorizer: decides each request. It runs on the handler thread, one request at a time,
    ///     and should be fast (the peer's handshake waits for it). It should not capture this
    ///     context strongly, or the context lives as long as the handler, i.e. forever.
    /// - Throws: ``ZMQError/Reason/zapHandlerAlreadyRunning``, or the libzmq error of binding.
    public func startZAPHandler(
        logger: Logger = Logger(label: "gerbang.zeromq.zap"),
        authorizer: @escaping ZAPAuthorizer
    ) throws(ZMQError) {
        try zapHandler.withLock { (slot: inout ZAPHandler?) throws(ZMQError) in
            guard slot == nil else {
                throw ZMQError(
                    reason: .zapHandlerAlreadyRunning, call: "Context.startZAPHandler",
                    message: "this context already runs a ZAP handler")
            }
            slot = try ZAPHandler.start(handle: handle, logger: logger, authorizer: authorizer)
        }
    }
}
