import Foundation
import GMP
import ZeroMQ

/// One adapter's GMP/1 connection to the broker: a CURVE DEALER with the agency's development
/// key. Not `Sendable` (it owns a socket): created and used on one thread.
final class AdapterConnection {
    let socket: Socket
    /// When this side last sent something (monotonic ns), for heartbeats.
    private(set) var lastSent: UInt64 = 0
    /// The broker's heartbeat interval from WELCOME, nanoseconds.
    private(set) var heartbeatInterval: UInt64 = 1_000_000_000

    /// Connects (the CURVE handshake completes in the background).
    init(context: Context, endpoint: String, brokerPublicKey: String, secretKeyPath: String) throws {
        socket = try Socket(.dealer, context: context, defaults: SocketDefaults(lingerMilliseconds: 0))
        let secret = try String(contentsOfFile: secretKeyPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try socket.makeCurveClient(keyPair: CurveKeyPair(secretKey: CurveSecretKey(z85: secret)),
                                   serverKey: CurvePublicKey(z85: brokerPublicKey))
        // No high-water mark: the benchmark bounds what it has outstanding itself.
        try socket.set(.sendHighWaterMark, 0)
        try socket.set(.receiveHighWaterMark, 0)
        try socket.connect(endpoint)
    }

    /// Sends a message.
    func send(_ message: GMPMessage) throws {
        try send(frames: try message.encode())
    }

    /// Sends encoded GMP frames.
    func send(frames: [[UInt8]]) throws {
        try socket.send(multipart: frames)
        lastSent = MonotonicClock.now()
    }

    /// Sends a HEARTBEAT when nothing was sent for half the broker's interval.
    func heartbeatIfDue(now: UInt64) throws {
        if now &- lastSent >= heartbeatInterval / 2 { try send(.heartbeat) }
    }

    /// The next message, waiting at most `timeoutMilliseconds` (nil: none arrived). `dontWait`
    /// with a timeout of 0.
    func receive(timeoutMilliseconds: Int32) throws -> GMPMessage? {
        guard let frames = try receiveFrames(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        return try GMPMessage(decoding: frames, from: .broker)
    }

    /// The frames of the next message, or nil when none arrived in time.
    private func receiveFrames(timeoutMilliseconds: Int32) throws(ZMQError) -> [[UInt8]]? {
        if timeoutMilliseconds > 0 { try socket.set(.receiveTimeoutMilliseconds, timeoutMilliseconds) }
        let flags: ReceiveFlags = timeoutMilliseconds == 0 ? .dontWait : []
        do {
            return try socket.receiveMultipart(flags: flags, maximumFrames: 600).map(\.bytes)
        } catch {
            if error.wouldBlock { return nil }
            throw error
        }
    }

    /// HELLO, and waits (at most 10 s) for WELCOME.
    @discardableResult
    func hello(agency: String, adapter: String, subscriptions: [String] = []) throws -> GMPMessage.Welcome {
        try send(.hello(.init(agency: agency, adapterName: adapter, adapterVersion: "w1", subscriptions: subscriptions)))
        let deadline = MonotonicClock.now() + 10_000_000_000
        while MonotonicClock.now() < deadline {
            switch try receive(timeoutMilliseconds: 1_000) {
            case .welcome(let welcome)?:
                heartbeatInterval = UInt64(welcome.heartbeatIntervalMilliseconds) * 1_000_000
                return welcome
            case .error(let error)?:
                throw BenchmarkError("HELLO as \(agency)/\(adapter) refused: \(error.reason.rawValue) \(error.detail)")
            case nil, .heartbeat?:
                continue
            case let other?:
                throw BenchmarkError("expected WELCOME, got \(other.command.name)")
            }
        }
        throw BenchmarkError("no WELCOME for \(agency)/\(adapter) within 10 s")
    }
}
