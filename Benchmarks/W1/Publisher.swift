import GMP

/// The publishing adapter (dukcapil), on the main thread. It stamps each event's send time just
/// before the PUBLISH that carries it goes out (``sendTimes``, by event index) and counts the
/// answers. Not `Sendable`: it owns a socket.
final class Publisher {
    let connection: AdapterConnection
    /// Monotonic send time of each event index (0: not sent).
    private(set) var sendTimes: [UInt64]
    /// Monotonic receive time of each event index's ACCEPTED (0: none yet).
    private(set) var acceptTimes: [UInt64]
    /// Events in one PUBLISH at most.
    let batch: Int

    /// What one publishing pass saw.
    struct Outcome {
        var accepted = 0
        var duplicates = 0
        /// REJECTED by reason code.
        var rejected: [String: Int] = [:]
        /// The first REJECTED's text, for the report.
        var firstRejection: String?
        /// The first PUBLISH left.
        var firstSend: UInt64 = 0
        /// The last answer arrived.
        var lastAnswer: UInt64 = 0
        /// Largest delay of a send behind its schedule (paced passes), nanoseconds.
        var maxLag: UInt64 = 0

        var answered: Int { accepted + rejected.values.reduce(0, +) }
    }

    init(connection: AdapterConnection, capacity: Int, batch: Int) {
        self.connection = connection
        sendTimes = [UInt64](repeating: 0, count: capacity)
        acceptTimes = [UInt64](repeating: 0, count: capacity)
        self.batch = batch
    }

    /// Open loop as fast as the broker confirms: keeps up to `window` events unanswered, sending
    /// PUBLISHes of up to ``batch`` events whenever the window has room. `tagOffset` is added to
    /// the index for the tag (the baseline uses its own tags).
    func publishWindowed(_ events: [[UInt8]], indexes: Range<Int>, window: Int, tagOffset: UInt64 = 0,
                         stampSendTimes: Bool = true) throws -> Outcome {
        var outcome = Outcome()
        var next = indexes.lowerBound
        var outstanding = 0
        outcome.firstSend = MonotonicClock.now()
        while outcome.answered < indexes.count {
            while outstanding < window && next < indexes.upperBound {
                let count = min(batch, window - outstanding, indexes.upperBound - next)
                let range = next..<(next + count)
                try send(events, range, tagOffset: tagOffset, stamp: stampSendTimes)
                next += count
                outstanding += count
            }
            let answered = try collectAnswers(into: &outcome, waitMilliseconds: 10_000)
            guard answered > 0 else {
                throw BenchmarkError("no answer from the broker for 10 s (\(outcome.answered) of \(indexes.count) answered)")
            }
            outstanding -= answered
        }
        return outcome
    }

    /// At a fixed offered rate: event k of the pass is due at start + k / rate, paced by the
    /// clock, never by confirms; each PUBLISH carries the events due (normally one).
    func publishPaced(_ events: [[UInt8]], indexes: Range<Int>, rate: Int) throws -> Outcome {
        var outcome = Outcome()
        let interval = 1_000_000_000 / Double(rate)
        let start = MonotonicClock.now() + 1_000_000
        func due(_ index: Int) -> UInt64 { start + UInt64(Double(index - indexes.lowerBound) * interval) }
        var next = indexes.lowerBound
        outcome.firstSend = start
        while next < indexes.upperBound || outcome.answered < indexes.count {
            let now = MonotonicClock.now()
            if next < indexes.upperBound && due(next) <= now {
                var end = next + 1
                while end < indexes.upperBound && end - next < batch && due(end) <= now { end += 1 }
                outcome.maxLag = max(outcome.maxLag, now - due(next))
                try send(events, next..<end, tagOffset: 0, stamp: true)
                next = end
                continue
            }
            try collectAnswersUntil(next < indexes.upperBound ? due(next) : nil, now: now, expected: indexes.count, into: &outcome)
        }
        return outcome
    }

    /// The paced publishers' wait until the next event is due (`nextDue`, nil once every event
    /// is sent): answers are collected meanwhile, then the last stretch is slept precisely. Fails
    /// when, with every event sent, no answer came for 10 s.
    func collectAnswersUntil(_ nextDue: UInt64?, now: UInt64, expected: Int, into outcome: inout Outcome) throws {
        let untilDue = nextDue.map { $0 &- now } ?? 10_000_000_000
        if untilDue >= 2_000_000 {
            let answered = try collectAnswers(into: &outcome, waitMilliseconds: Int32(min(untilDue / 1_000_000 - 1, 10_000)))
            if answered == 0 && nextDue == nil {
                throw BenchmarkError("no answer from the broker for 10 s (\(outcome.answered) of \(expected) answered)")
            }
        } else if let nextDue {
            _ = try collectAnswers(into: &outcome, waitMilliseconds: 0)
            let remaining = nextDue &- MonotonicClock.now()
            if remaining < 2_000_000 && remaining > 20_000 { MonotonicClock.sleep(nanoseconds: remaining - 20_000) }
        }
    }

    private func send(_ events: [[UInt8]], _ range: Range<Int>, tagOffset: UInt64, stamp: Bool) throws {
        let publish = GMPMessage.Publish(events: range.map { .init(tag: UInt64($0) + tagOffset, event: events[$0]) })
        let frames = try GMPMessage.publish(publish).encode()
        let now = MonotonicClock.now()
        if stamp {
            for index in range { sendTimes[index] = now }
        }
        try connection.send(frames: frames)
    }

    /// Reads answers: waits up to `waitMilliseconds` for the first (0: none), then takes every
    /// answer already there. Returns how many events were answered.
    func collectAnswers(into outcome: inout Outcome, waitMilliseconds: Int32) throws -> Int {
        var answered = 0
        var wait = waitMilliseconds
        while let message = try connection.receive(timeoutMilliseconds: wait) {
            wait = 0
            switch message {
            case .accepted(let accepted):
                outcome.accepted += 1
                if accepted.duplicate { outcome.duplicates += 1 }
                if accepted.tag < UInt64(acceptTimes.count) { acceptTimes[Int(accepted.tag)] = MonotonicClock.now() }
                answered += 1
            case .rejected(let rejected):
                outcome.rejected[rejected.reason.rawValue, default: 0] += 1
                if outcome.firstRejection == nil {
                    outcome.firstRejection = "\(rejected.reason.rawValue) \(rejected.specificCode) \(rejected.location): \(rejected.message)"
                }
                answered += 1
            case .heartbeat:
                continue
            case .error(let error):
                throw BenchmarkError("the broker ended the publisher's session: \(error.reason.rawValue) \(error.detail)")
            case .bye(let bye):
                throw BenchmarkError("the broker said BYE to the publisher: \(bye.reason.rawValue)")
            default:
                throw BenchmarkError("the publisher got an unexpected \(message.command.name)")
            }
        }
        if answered > 0 { outcome.lastAnswer = MonotonicClock.now() }
        try connection.heartbeatIfDue(now: MonotonicClock.now())
        return answered
    }
}
