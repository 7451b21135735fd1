import CZeroMQ

/// Waits on several sockets at once, with a timeout (`zmq_poll`).
///
/// Register sockets once, then call ``poll(timeout:)`` in a loop and ask ``events(for:)`` per
/// token; polling allocates nothing. The poller keeps its sockets alive.
///
/// Not `Sendable`, like the sockets it holds: a poller belongs to the thread that owns them, and
/// ``poll(timeout:)`` blocks, so it runs on an ``IOThread`` (or another thread the caller owns).
/// To wake a polling thread from elsewhere, register an `inproc://` ``SocketType/pair`` whose
/// other end the waking side sends to.
public final class Poller {
    /// Identifies a registered socket (its position in the poll set).
    public struct Token: Hashable, Sendable {
        let index: Int
    }

    private var items: [zmq_pollitem_t] = []
    private var sockets: [Socket] = []

    /// An empty poller.
    public init() {}

    /// Adds `socket`, waiting for `events` (default: readable). A socket may be added once.
    public func register(_ socket: Socket, for events: PollEvents = .readable) -> Token {
        items.append(zmq_pollitem_t(socket: socket.pointer, fd: 0, events: events.rawValue, revents: 0))
        sockets.append(socket)
        return Token(index: items.count - 1)
    }

    /// Changes what the poller waits for on a registered socket.
    public func update(_ token: Token, for events: PollEvents) {
        items[token.index].events = events.rawValue
    }

    /// Waits until at least one registered socket has one of its events, or `timeout` passes
    /// (`nil` waits forever; sub-millisecond parts are rounded up). Returns how many sockets are
    /// ready — `0` after a timeout. A signal interrupting the wait restarts it.
    @discardableResult
    public func poll(timeout: Duration?) throws(ZMQError) -> Int {
        let milliseconds = timeout.map(Self.milliseconds(rounding:)) ?? -1
        for index in items.indices { items[index].revents = 0 }
        return Int(try zmqCall("zmq_poll") {
            items.withUnsafeMutableBufferPointer { zmq_poll($0.baseAddress, Int32($0.count), milliseconds) }
        })
    }

    /// The events the last ``poll(timeout:)`` found on a registered socket.
    public func events(for token: Token) -> PollEvents {
        PollEvents(rawValue: items[token.index].revents)
    }

    /// Whether the last ``poll(timeout:)`` found a registered socket readable.
    public func isReadable(_ token: Token) -> Bool { events(for: token).contains(.readable) }

    private static func milliseconds(rounding duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let attosecondsPerMillisecond: Int64 = 1_000_000_000_000_000
        let fraction = (attoseconds + attosecondsPerMillisecond - 1) / attosecondsPerMillisecond
        let (total, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow, total < Int64(Int32.max) else { return Int(Int32.max) }
        return Int(total + fraction)
    }
}

@available(*, unavailable, message: "a poller holds sockets, which are not thread-safe")
extension Poller: Sendable {}
