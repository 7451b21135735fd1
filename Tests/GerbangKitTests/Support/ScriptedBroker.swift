import Dispatch
import Foundation
import GMP
import GerbangKit
import Logging
import Synchronization
import ZeroMQ

/// A scripted GMP/1 "broker" for behaviour the real one does not show on demand (silence,
/// malformed messages, BYE while publishes are outstanding) and for observing the client's wire
/// behaviour (how many PUBLISHes). A CURVE ROUTER on 127.0.0.1 on its own `IOThread`; every
/// received message is logged and answered with what `script` returns.
///
/// `Sendable`: the state shared with the thread is mutex-guarded (``Shared``); the socket lives
/// on the thread.
final class ScriptedBroker: Sendable {
    /// What to send back.
    enum Reply: Sendable {
        case message(GMPMessage)
        case raw([[UInt8]])
    }

    /// The script sees each message and how many HELLOs (sessions) there were so far.
    typealias Script = @Sendable (_ message: GMPMessage, _ hellos: Int) -> [Reply]

    /// State shared between the test and the broker thread. `Sendable`: mutexes.
    final class Shared: Sendable {
        let log = Mutex<[GMPMessage]>([])
        let stopped = Mutex(false)
        let bound = Mutex<Result<String, any Error>?>(nil)
    }

    let endpoint: String
    let publicKey: CurvePublicKey
    let clientKeys: CurveKeyPair
    private let shared = Shared()
    private let thread: IOThread

    init(script: @escaping Script) throws {
        let serverKeys = try CurveKeyPair.generate()
        clientKeys = try CurveKeyPair.generate()
        publicKey = serverKeys.publicKey
        let shared = self.shared
        let ready = DispatchSemaphore(value: 0)
        thread = IOThread.start(name: "scripted-broker") {
            do {
                let context = try Context()
                var quiet = Logger(label: "scripted-broker")
                quiet.logLevel = .critical
                try context.startZAPHandler(logger: quiet) { _ in .allow(userID: "dukcapil") }
                let router = try Socket(.router, context: context, defaults: SocketDefaults(lingerMilliseconds: 0))
                try router.makeCurveServer(secretKey: serverKeys.secretKey)
                let endpoint = try router.bind("tcp://127.0.0.1:*")
                shared.bound.withLock { $0 = .success(endpoint) }
                ready.signal()
                let poller = Poller()
                let token = poller.register(router)
                var hellos = 0
                while !shared.stopped.withLock({ $0 }) {
                    try poller.poll(timeout: .milliseconds(20))
                    guard poller.isReadable(token) else { continue }
                    let frames = try router.receiveMultipart(flags: .dontWait, maximumFrames: 600).map(\.bytes)
                    guard let message = try? GMPMessage(decoding: Array(frames.dropFirst()), from: .adapter) else { continue }
                    if case .hello = message { hellos += 1 }
                    shared.log.withLock { $0.append(message) }
                    for reply in script(message, hellos) {
                        switch reply {
                        case .message(let answer): try? router.send(multipart: [frames[0]] + answer.encode(), flags: .dontWait)
                        case .raw(let raw): try? router.send(multipart: [frames[0]] + raw, flags: .dontWait)
                        }
                    }
                }
            } catch {
                shared.bound.withLock { if $0 == nil { $0 = .failure(error) } }
                ready.signal()
            }
        }
        ready.wait()
        endpoint = try shared.bound.withLock { $0! }.get()
    }

    /// Every message received so far.
    var received: [GMPMessage] { shared.log.withLock { $0 } }

    /// Stops the thread and waits for it.
    func stop() {
        shared.stopped.withLock { $0 = true }
        thread.join()
    }

    /// A client configuration for this broker (no signer: the tests publish prepared bytes).
    func configuration() -> GerbangClient.Configuration {
        var configuration = GerbangClient.Configuration(endpoint: endpoint, brokerPublicKey: publicKey, agency: "dukcapil",
                                                        adapterName: "scripted", curveKeyPair: clientKeys)
        configuration.reconnectBackoff = ReconnectBackoff(initial: .milliseconds(20), maximum: .milliseconds(100))
        configuration.connectTimeout = .seconds(2)
        configuration.publishTimeout = .seconds(10)
        return configuration
    }

    /// A WELCOME with the protocol's default limits.
    static func welcome(session: UInt64, heartbeatMilliseconds: UInt32 = 5_000, liveness: UInt8 = 3,
                        maxFrameBytes: UInt32 = 1 << 20) -> GMPMessage {
        .welcome(.init(sessionID: session, heartbeatIntervalMilliseconds: heartbeatMilliseconds, heartbeatLiveness: liveness,
                       maxFrameBytes: maxFrameBytes, maxEventBytes: 1 << 18, maxEventsPerPublish: 256, maxCredit: 1_000,
                       leaseMilliseconds: 30_000, brokerID: "scripted/1", subscriptions: []))
    }

    /// ACCEPTED for every event of a PUBLISH (sequence = tag + offset).
    static func acceptAll(_ publish: GMPMessage.Publish, duplicate: Bool = false) -> [Reply] {
        publish.events.map { .message(.accepted(.init(tag: $0.tag, sequence: 1_000 + $0.tag, duplicate: duplicate))) }
    }
}

extension Array where Element == GMPMessage {
    /// The PUBLISH messages among these.
    var publishes: [GMPMessage.Publish] {
        compactMap { if case .publish(let publish) = $0 { publish } else { nil } }
    }

    /// How many HELLOs.
    var hellos: Int { filter { if case .hello = $0 { true } else { false } }.count }
}
