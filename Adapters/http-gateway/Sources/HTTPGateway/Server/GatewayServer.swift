import Dispatch
import Foundation
import Logging
import Sockets
import Synchronization
import Trust

/// The gateway's HTTPS server: one thread accepts, each connection is served on a thread of its
/// own (at most ``Limits/maxConnections`` at once), one request per connection
/// (`Connection: close`). Every client must present an agency certificate (mutual TLS, see
/// `TLSContext.server`); connections without one, or with one the PKI does not vouch for, end in
/// the handshake. Limits: head and body sizes (431, 413), one deadline for the whole request (408).
///
/// `Sendable`: the port, a stop flag (`Atomic`) and a semaphore; sockets live on the threads.
public final class GatewayServer: Sendable {
    /// The limits of the server, each with its documented default.
    ///
    /// `Sendable`: a value type of integers.
    public struct Limits: Sendable, Hashable {
        /// Connections served at once; more wait up to 1 s for a slot, then are closed. Default 32.
        public var maxConnections: Int
        /// Largest request head (request line and headers). Default 16 KiB.
        public var maxHeadBytes: Int
        /// Largest request body. Default 256 KiB (the broker's default event size).
        public var maxBodyBytes: Int
        /// The longest a connection may take from accept to a complete request, handshake
        /// included; also each socket read's and write's timeout. Default 10 s.
        public var requestTimeoutMilliseconds: Int

        /// Creates limits; every parameter defaults to the documented default.
        public init(maxConnections: Int = 32, maxHeadBytes: Int = 16_384, maxBodyBytes: Int = 262_144,
                    requestTimeoutMilliseconds: Int = 10_000) {
            self.maxConnections = maxConnections
            self.maxHeadBytes = maxHeadBytes
            self.maxBodyBytes = maxBodyBytes
            self.requestTimeoutMilliseconds = requestTimeoutMilliseconds
        }
    }

    /// What answers a request: the request and the client's verified certificate chain. Runs on
    /// the connection's thread and may block.
    public typealias Handler = @Sendable (HTTPRequest, VerifiedChain) -> HTTPResponse

    /// The port the server listens on.
    public let port: UInt16
    private let stopping = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)

    /// Binds `host:port` (port 0 picks a free one) and serves `handler` over TLS with `tls` until
    /// ``shutdown()``, which the owner must call: the accepting thread holds the server.
    public init(host: String, port: UInt16, tls: TLSContext, limits: Limits = Limits(), logger: Logger,
                handler: @escaping Handler) throws(SocketError) {
        let listener: TCPListener
        do throws(TCPListenerError) {
            listener = try TCPListener(host: host, port: port)
        } catch {
            throw SocketError(.listen, error.message)
        }
        self.port = listener.port
        let slots = DispatchSemaphore(value: limits.maxConnections)
        let transfer = ListenerTransfer(listener)
        let thread = Thread { [self] in
            let listener = transfer.take()
            while !stopping.load(ordering: .acquiring) {
                guard let connection = listener.accept(timeoutMilliseconds: 200) else { continue }
                guard slots.wait(timeout: .now() + 1) == .success else {
                    logger.warning("too many connections; one closed", metadata: ["max-connections": "\(limits.maxConnections)"])
                    close(connection)
                    continue
                }
                Thread.detachNewThread {
                    GatewayConnection(descriptor: connection, tls: tls, limits: limits, logger: logger, handler: handler).serve()
                    slots.signal()
                }
            }
            stopped.signal()
        }
        thread.name = "http-gateway.accept"
        thread.start()
    }

    /// Stops accepting and waits for the accepting thread (connections in progress finish).
    public func shutdown() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        stopped.wait()
    }
}

/// Hands the listener, created on the caller's thread, to the accepting thread.
///
/// `@unchecked Sendable`: the listener is taken exactly once, by the accepting thread, and the
/// creating thread never touches it after handing it over.
private final class ListenerTransfer: @unchecked Sendable {
    private var listener: TCPListener?
    init(_ listener: TCPListener) { self.listener = listener }
    func take() -> TCPListener {
        defer { listener = nil }
        return listener!
    }
}
