import Foundation
import GMP
import ZeroMQ

/// One phase's traffic on the calling thread: a publisher (dukcapil) and a subscriber
/// (kemensos/main, credit 1,000, one ACK per DELIVER) on CURVE DEALERs, polled together.
/// Publishes open loop with at most `window` events unanswered and up to `batch` per PUBLISH.
/// Not `Sendable`: sockets.
final class EventFlow {
    private let context: Context
    private let publisher: Socket
    private let subscriber: Socket

    init(broker: TailCostBroker) throws {
        let context = try Context()
        self.context = context
        func connect(_ agency: String) throws -> Socket {
            let socket = try Socket(.dealer, context: context, defaults: SocketDefaults(lingerMilliseconds: 0))
            let secret = try String(contentsOf: broker.dataDirectory.appendingPathComponent("curve/agencies/\(agency).key"), encoding: .utf8)
            try socket.makeCurveClient(keyPair: CurveKeyPair(secretKey: CurveSecretKey(z85: secret.trimmingCharacters(in: .whitespacesAndNewlines))),
                                       serverKey: CurvePublicKey(z85: broker.publicKey))
            try socket.set(.receiveTimeoutMilliseconds, 10_000)
            try socket.set(.receiveHighWaterMark, 0)
            try socket.set(.sendHighWaterMark, 0)
            try socket.connect(broker.endpoint)
            try socket.send(multipart: try GMPMessage.hello(.init(agency: agency, adapterName: "main", adapterVersion: "1.0.0",
                                                                  subscriptions: [])).encode())
            let welcome = try GMPMessage(decoding: try socket.receiveMultipart(maximumFrames: 600).map(\.bytes), from: .broker)
            guard case .welcome = welcome else { throw TailCostError("\(agency): expected WELCOME, got \(welcome.command.name)") }
            return socket
        }
        publisher = try connect("dukcapil")
        subscriber = try connect("kemensos")
        try subscriber.send(multipart: try GMPMessage.credit(.init(credit: 1_000)).encode())
    }

    /// Publishes `events` and returns the seconds from the first PUBLISH until every event was
    /// delivered and acknowledged; throws when an event is rejected.
    func run(_ events: [[UInt8]], window: Int, batch: Int) throws -> Double {
        let poller = Poller()
        let publisherToken = poller.register(publisher)
        let subscriberToken = poller.register(subscriber)
        var next = 0, answered = 0, delivered = 0
        let start = Date()
        var lastHeartbeat = start
        while delivered < events.count {
            while next < events.count && next - answered < window {
                let count = min(batch, events.count - next, window - (next - answered))
                let publish = GMPMessage.publish(.init(events: (next..<next + count).map { .init(tag: UInt64($0), event: events[$0]) }))
                try publisher.send(multipart: try publish.encode())
                next += count
            }
            try poller.poll(timeout: .milliseconds(100))
            if poller.isReadable(publisherToken) {
                while let frames = try receive(publisher) {
                    switch try GMPMessage(decoding: frames, from: .broker) {
                    case .accepted: answered += 1
                    case .rejected(let rejected): throw TailCostError("event rejected: \(rejected.reason.rawValue) \(rejected.message)")
                    default: break
                    }
                }
            }
            if poller.isReadable(subscriberToken) {
                while let frames = try receive(subscriber) {
                    if case .deliver(let deliver) = try GMPMessage(decoding: frames, from: .broker) {
                        try subscriber.send(multipart: try GMPMessage.ack(.init(deliveryID: deliver.deliveryID)).encode())
                        delivered += 1
                    }
                }
            }
            if Date().timeIntervalSince(lastHeartbeat) > 1 {
                lastHeartbeat = Date()
                try publisher.send(multipart: try GMPMessage.heartbeat.encode())
                try subscriber.send(multipart: try GMPMessage.heartbeat.encode())
            }
            if Date().timeIntervalSince(start) > 1_800 { throw TailCostError("the phase did not finish in 30 minutes") }
        }
        return Date().timeIntervalSince(start)
    }

    private func receive(_ socket: Socket) throws(ZMQError) -> [[UInt8]]? {
        let frames: [Message]
        do throws(ZMQError) {
            frames = try socket.receiveMultipart(flags: .dontWait, maximumFrames: 600)
        } catch {
            if error.wouldBlock { return nil }
            throw error
        }
        return frames.map(\.bytes)
    }

    /// Says BYE on both sessions.
    func close() {
        let bye = try? GMPMessage.bye(.init(reason: .sessionClosed)).encode()
        if let bye {
            try? publisher.send(multipart: bye)
            try? subscriber.send(multipart: bye)
        }
    }
}
