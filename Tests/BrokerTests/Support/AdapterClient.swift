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

    /// A client whose CURVE key (freshly generated, in the broker's test folder) is not in
    /// `agencies.yaml`: the broker refuses its handshake, so it never gets an answer; its receive
    /// timeout is 1 s.
    static func stranger(broker: BrokerProcess) throws -> AdapterClient {
        let keyFile = broker.directory.appendingPathComponent("stranger.key").path
        try CurveKeyPair.generate().secretKey.z85.write(toFile: keyFile, atomically: true, encoding: .utf8)
        let client = try AdapterClient(broker: broker, agency: "dukcapil", keyFile: keyFile)
        try client.socket.set(.receiveTimeoutMilliseconds, 1_000)
        return client
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

    /// The next message if one is waiting (HEARTBEAT included), else nil; never blocks.
    func receiveIfAvailable() throws -> GMPMessage? {
        let received: Result<[Message], ZMQError> = Result { () throws(ZMQError) in
            try socket.receiveMultipart(flags: .dontWait, maximumFrames: 600)
        }
        switch received {
        case .success(let frames):
            return try GMPMessage(decoding: frames.map(\.bytes), from: .broker)
        case .failure(let error):
            if error.wouldBlock { return nil }
            throw error
        }
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

    /// Publishes `events` in one PUBLISH and returns the REJECTED answers by tag (fails on an
    /// ACCEPTED).
    func publishCollectingRejections(_ events: [GMPMessage.Publish.Event]) throws -> [UInt64: GMPMessage.Rejected] {
        try send(.publish(.init(events: events)))
        var answers: [UInt64: GMPMessage.Rejected] = [:]
        for _ in events {
            let answer = try receive()
            guard case .rejected(let rejected) = answer else { throw BrokerTestError("not rejected: \(answer)") }
            answers[rejected.tag] = rejected
        }
        return answers
    }
}
