/// Options the binding sets on every new ``Socket`` so that nothing hangs or vanishes silently.
///
/// - ``lingerMilliseconds`` (default 1000): libzmq's default linger is infinite, which makes
///   context termination wait forever for a peer that never reads.
/// - ``routerSendTimeoutMilliseconds`` (default 1000): every ROUTER is created with
///   `ROUTER_MANDATORY` = 1 — always, since without it libzmq silently drops messages to unknown
///   or full peers — and this send timeout, so a send to a peer that is gone fails with
///   ``ZMQError/Reason/hostUnreachable`` and a send to a full peer fails with
///   ``ZMQError/Reason/wouldBlock`` after the timeout instead of blocking forever.
public struct SocketDefaults: Sendable, Equatable {
    /// `ZMQ_LINGER` for every socket, in milliseconds (`-1` infinite, `0` discard at close).
    public var lingerMilliseconds: Int32
    /// `ZMQ_SNDTIMEO` for ROUTER sockets, in milliseconds (`-1` would block forever).
    public var routerSendTimeoutMilliseconds: Int32

    /// The documented defaults: linger 1000 ms, ROUTER send timeout 1000 ms.
    public init(lingerMilliseconds: Int32 = 1000, routerSendTimeoutMilliseconds: Int32 = 1000) {
        self.lingerMilliseconds = lingerMilliseconds
        self.routerSendTimeoutMilliseconds = routerSendTimeoutMilliseconds
    }
}
