import Foundation
import GMP
import ZeroMQ

/// A GMP adapter for tests: a CURVE DEALER with the agency's development key. Not `Sendable`:
/// create and use it on one thread (the tests run each scenario inside `IOThread.run`).
final class AdapterClient {
    let socket: Socket
    let context: Context

    init(broker: BrokerProcess, agency: String, keyFile: String? = nil) throws {
        context = try Context()
        socket = try Socket(.dealer, context: context, defaults: SocketDefaults(lingerMilliseconds: 0))
        let secretPath = keyFile ?? broker.dataDirectory.appendingPathComponent("curve/agencies/\(agency).key").path
        let secret = try String(contentsOfFile: secretPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try socket.makeCurveClient(keyPair: CurveKeyPair(secretKey: CurveSecretKey(z85: secret)),
                                   serverKey: CurvePublicKey(z85: broker.publicKey))
        try socket.set(.receiveTimeoutMilliseconds, 5_000)
        try socket.connect(broker.endpoint)
    }

    func send(_ message: GMPMessage) throws {
        try socket.send(multipart: try message.encode())
    }

    func sendRaw(_ frames: [[UInt8]]) throws {
        try socket.send(multipart: frames)
    }

    /// The next message other than HEARTBEAT (fails after the receive timeout).
    func receive() throws -> GMPMessage {
        for _ in 0..<100 {
            let frames = try socket.receiveMultipart(maximumFrames: 600).map(\.bytes)
            let message = try GMPMessage(decoding: frames, from: .broker)
            if message != .heartbeat { return message }
        }
        throw BrokerTestError("only heartbeats")
    }

    /// HELLO, expecting WELCOME.
    @discardableResult
    func hello(agency: String, adapter: String = "main", subscriptions: [String] = []) throws -> GMPMessage.Welcome {
        try send(.hello(.init(agency: agency, adapterName: adapter, adapterVersion: "1.0.0", subscriptions: subscriptions)))
        let answer = try receive()
        guard case .welcome(let welcome) = answer else { throw BrokerTestError("expected WELCOME, got \(answer)") }
        return welcome
    }

    /// Publishes `events` in one PUBLISH and returns each event's verdict by tag:
    /// `"accepted"` or the rejection's reason code.
    func publishCollectingVerdicts(_ events: [GMPMessage.Publish.Event]) throws -> [UInt64: String] {
        try send(.publish(.init(events: events)))
        var verdicts: [UInt64: String] = [:]
        for _ in events {
            switch try receive() {
            case .accepted(let accepted): verdicts[accepted.tag] = "accepted"
            case .rejected(let rejected): verdicts[rejected.tag] = rejected.reason.rawValue
            default: throw BrokerTestError("unexpected answer")
            }
        }
        return verdicts
    }
}
