import GMP
import ZeroMQ

/// One run of the benchmark after set-up: the broker, the pre-signed events, the publisher (on
/// the calling thread) and the two subscriber threads, and the index of the next unused event.
/// Not `Sendable`: it drives the publisher's socket on the main thread.
final class BenchmarkRun {
    let settings: Settings
    let broker: BrokerChild
    let events: BenchmarkEvents
    let publisher: Publisher
    let subscribers: [SubscriberThread]
    /// The baseline's no-op events: a benchmark event with its first byte changed, so the broker
    /// answers REJECTED `event.malformed` at byte 0 without verifying, validating or storing.
    let noOpEvents: [[UInt8]]
    /// The next event index not yet published.
    private(set) var next = 0

    init(settings: Settings, broker: BrokerChild, events: BenchmarkEvents, publisher: Publisher,
         subscribers: [SubscriberThread]) {
        self.settings = settings
        self.broker = broker
        self.events = events
        self.publisher = publisher
        self.subscribers = subscribers
        var noOp = events.events[0]
        noOp[0] = UInt8(ascii: "x")
        noOpEvents = [[UInt8]](repeating: noOp, count: settings.events)
    }

    /// The next `count` unused event indexes.
    func takeIndexes(_ count: Int) -> Range<Int> {
        defer { next += count }
        return next..<(next + count)
    }

    /// Publishes `--warm-up` events and waits until both subscribers have them (not measured).
    func warmUp() throws {
        let indexes = takeIndexes(settings.warmUp)
        try Self.check(try publisher.publishWindowed(events.events, indexes: indexes, window: settings.window),
                       expected: indexes.count)
        try waitDelivered(upTo: indexes.upperBound)
        print("warm-up: \(indexes.count) events published and delivered to both")
    }

    /// A CPU sample of the broker and the benchmark now.
    func cpuSample() -> CPUSample { CPUSample(broker: broker.process.processIdentifier) }

    /// Every event of a pass must be ACCEPTED, none as a duplicate.
    static func check(_ outcome: Publisher.Outcome, expected: Int) throws {
        guard outcome.accepted == expected, outcome.duplicates == 0 else {
            throw BenchmarkError("expected \(expected) ACCEPTED without duplicates; got \(outcome.accepted) accepted"
                                 + " (\(outcome.duplicates) duplicates), rejected \(outcome.rejected):"
                                 + " \(outcome.firstRejection ?? "")")
        }
    }

    /// Waits (at most 120 s) until both subscribers received every event below `upTo`.
    func waitDelivered(upTo: Int) throws {
        let deadline = MonotonicClock.now() + 120_000_000_000
        while MonotonicClock.now() < deadline {
            for subscriber in subscribers {
                if let failure = subscriber.log.failure { throw BenchmarkError("\(subscriber.name) stopped: \(failure)") }
            }
            if subscribers.allSatisfy({ $0.log.distinct >= upTo }) { return }
            MonotonicClock.sleep(nanoseconds: 200_000)
        }
        let counts = subscribers.map { "\($0.name) \($0.log.distinct)" }.joined(separator: ", ")
        throw BenchmarkError("deliveries missing after 120 s: \(counts) of \(upTo)")
    }
}
