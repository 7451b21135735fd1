import Foundation
import GMP
import Synchronization
import ZeroMQ

/// A subscribing adapter on its own thread: HELLO, CREDIT, then for every DELIVER it stamps the
/// receive time into its ``ReceiveLog`` and answers ACK, until told to stop (then BYE).
///
/// `Sendable`: the thread handle, the log and the stop flag are `Sendable`; the socket lives only
/// on the thread.
final class SubscriberThread: Sendable {
    /// `agency/adapter`, for the report.
    let name: String
    let log: ReceiveLog
    private let stopFlag: StopFlag
    private let thread: IOThread

    /// Starts the thread and returns after WELCOME and CREDIT (or throws what went wrong). Its log
    /// holds event indexes `0..<capacity`, growing up to `0..<limit` (see ``ReceiveLog``).
    init(agency: String, adapter: String, credit: Int, capacity: Int, limit: Int? = nil, context: Context,
         broker: BrokerChild) throws {
        name = "\(agency)/\(adapter)"
        let log = ReceiveLog(capacity: capacity, limit: limit)
        self.log = log
        let endpoint = broker.endpoint
        let publicKey = broker.publicKey
        let keyPath = broker.curveSecretKeyPath(of: agency)
        let ready = Mutex<Result<[String], BenchmarkError>?>(nil)
        let stopFlag = StopFlag()
        self.stopFlag = stopFlag
        thread = IOThread.start(name: "w1.\(adapter)") {
            let connection: AdapterConnection
            let idsPerAck: Int
            do {
                connection = try AdapterConnection(context: context, endpoint: endpoint, brokerPublicKey: publicKey,
                                                   secretKeyPath: keyPath)
                let welcome = try connection.hello(agency: agency, adapter: adapter)
                idsPerAck = min(Self.maxIDsPerAck, GMPMessage.Ack.maxDeliveryIDs(frameBytes: Int(welcome.maxFrameBytes)))
                try connection.send(.credit(.init(credit: UInt32(credit))))
                ready.withLock { $0 = .success(welcome.subscriptions) }
            } catch {
                ready.withLock { $0 = .failure(BenchmarkError("\(agency)/\(adapter): \(error)")) }
                return
            }
            Self.serve(connection, idsPerAck: idsPerAck, log: log, stop: stopFlag)
        }
        let deadline = MonotonicClock.now() + 15_000_000_000
        while MonotonicClock.now() < deadline {
            switch ready.withLock({ $0 }) {
            case .success(let subscriptions)?:
                guard !subscriptions.isEmpty else { throw BenchmarkError("\(name) was granted no subscription") }
                return
            case .failure(let error)?:
                throw error
            case nil:
                MonotonicClock.sleep(nanoseconds: 5_000_000)
            }
        }
        throw BenchmarkError("\(name) did not get WELCOME within 15 s")
    }

    /// The receive loop: DELIVER → stamp → ACK; heartbeats when idle. The DELIVERs read in one
    /// go (everything already received when the first one is handled) are acknowledged together
    /// in one ACK message, as GerbangKit does (`docs/protocol.md` 3.11).
    private static func serve(_ connection: AdapterConnection, idsPerAck: Int, log: ReceiveLog, stop: StopFlag) {
        var processed: [UInt64] = []
        do {
            while !stop.isSet {
                if !processed.isEmpty, let ack = GMPMessage.Ack(deliveryIDs: processed) {
                    processed.removeAll(keepingCapacity: true)
                    try connection.send(.ack(ack))
                }
                guard let message = try connection.receive(timeoutMilliseconds: processed.isEmpty ? 100 : 0) else {
                    try connection.heartbeatIfDue(now: MonotonicClock.now())
                    continue
                }
                let now = MonotonicClock.now()
                switch message {
                case .deliver(let deliver):
                    guard let index = EventIndex.parse(deliver.event) else {
                        log.fail("a DELIVER without a benchmark event id")
                        return
                    }
                    log.record(index: index, at: now)
                    processed.append(deliver.deliveryID)
                    // Read on while more is waiting; the ACK goes when nothing is left to read.
                    while processed.count < idsPerAck, let next = try connection.receive(timeoutMilliseconds: 0) {
                        if case .heartbeat = next { continue }
                        guard case .deliver(let more) = next, let moreIndex = EventIndex.parse(more.event) else {
                            log.fail("unexpected \(next.command.name) between DELIVERs")
                            return
                        }
                        log.record(index: moreIndex, at: MonotonicClock.now())
                        processed.append(more.deliveryID)
                    }
                case .heartbeat:
                    try connection.heartbeatIfDue(now: now)
                case .error(let error):
                    log.fail("ERROR \(error.reason.rawValue): \(error.detail)")
                    return
                case .bye(let bye):
                    log.fail("BYE \(bye.reason.rawValue)")
                    return
                default:
                    log.fail("unexpected \(message.command.name)")
                    return
                }
            }
            try connection.send(.bye(.init(reason: .sessionClosed)))
        } catch {
            log.fail("\(error)")
        }
    }

    /// Most delivery ids in one ACK (GerbangKit's `ClientLoop.maxIDsPerAck`).
    static let maxIDsPerAck = 1_024

    /// Tells the thread to say BYE and end, and waits for it.
    func stop() {
        stopFlag.set()
        thread.join()
    }
}

/// A flag one thread sets and another polls. `Sendable`: an atomic.
final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Whether ``set()`` was called.
    var isSet: Bool { flag.load(ordering: .acquiring) }

    /// Sets the flag.
    func set() { flag.store(true, ordering: .releasing) }
}
