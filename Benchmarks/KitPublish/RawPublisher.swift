import GMP
import ZeroMQ

/// The baseline: GMP/1 written by hand over the ZeroMQ binding, on one blocking thread — a CURVE
/// DEALER, HELLO/WELCOME, then PUBLISHes of `batch` events while fewer than `window` are
/// unanswered, each ACCEPTED/REJECTED decoded and counted. Not `Sendable`: used on one thread.
final class RawPublisher {
    private let socket: Socket
    private let context: Context
    private var nextTag: UInt64 = 1

    init(endpoint: String, brokerPublicKey: String, secretKey: String) throws {
        context = try Context()
        socket = try Socket(.dealer, context: context, defaults: SocketDefaults(lingerMilliseconds: 0))
        try socket.makeCurveClient(keyPair: CurveKeyPair(secretKey: CurveSecretKey(z85: secretKey)),
                                   serverKey: CurvePublicKey(z85: brokerPublicKey))
        try socket.set(.receiveTimeoutMilliseconds, 30_000)
        try socket.connect(endpoint)
        try socket.send(multipart: try GMPMessage.hello(.init(agency: "dukcapil", adapterName: "kit-publish-raw", adapterVersion: "1.0")).encode())
        guard case .welcome = try receive() else { throw BenchmarkError("no WELCOME") }
    }

    private func receive() throws -> GMPMessage {
        while true {
            let frames = try socket.receiveMultipart(maximumFrames: 600).map(\.bytes)
            let message = try GMPMessage(decoding: frames, from: .broker)
            if message != .heartbeat { return message }
        }
    }

    /// Publishes `events` and returns how many were accepted.
    func publish(_ events: ArraySlice<[UInt8]>, window: Int, batch: Int) throws -> Int {
        var next = events.startIndex
        var unanswered = 0
        var answered = 0
        var accepted = 0
        while answered < events.count {
            while unanswered < window && next < events.endIndex {
                let count = min(batch, window - unanswered, events.endIndex - next)
                var pairs: [GMPMessage.Publish.Event] = []
                pairs.reserveCapacity(count)
                for index in next..<(next + count) {
                    pairs.append(.init(tag: nextTag, event: events[index]))
                    nextTag += 1
                }
                try socket.send(multipart: try GMPMessage.publish(.init(events: pairs)).encode())
                next += count
                unanswered += count
            }
            switch try receive() {
            case .accepted: accepted += 1
            case .rejected: break
            case let other: throw BenchmarkError("unexpected \(other)")
            }
            answered += 1
            unanswered -= 1
        }
        return accepted
    }

    /// Says BYE.
    func close() {
        if let frames = try? GMPMessage.bye(.init(reason: .sessionClosed)).encode() {
            try? socket.send(multipart: frames)
        }
    }
}
