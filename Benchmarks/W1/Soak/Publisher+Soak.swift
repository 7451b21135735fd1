import GMP

extension Publisher {
    /// The soak's publishing: event k of `indexes` is due at start + k / `rate`, paced by the
    /// clock as in ``publishPaced(_:indexes:rate:)``, but never more than `window` events
    /// unanswered (when the broker falls behind, the sends wait and their lag behind the schedule
    /// is recorded, then they catch up in PUBLISHes of up to ``batch``). Events are signed with
    /// `sign` while the publisher waits for the next one to fall due, up to half a second ahead
    /// (a soak's events do not fit in memory signed). Tags are the event indexes.
    func publishSoak(indexes: Range<Int>, rate: Double, window: Int, counters: SoakCounters,
                     sign: (Int) throws -> [UInt8]) throws -> Outcome {
        var outcome = Outcome()
        let interval = 1_000_000_000 / rate
        let start = MonotonicClock.now() + 1_000_000
        func due(_ index: Int) -> UInt64 { start + UInt64(Double(index - indexes.lowerBound) * interval) }
        let signAhead = max(batch, min(5_000, Int(rate / 2)))
        // Signed events next..<(next + signed.count - head).
        var signed: [[UInt8]] = []
        var head = 0
        var next = indexes.lowerBound
        outcome.firstSend = start
        func publishCounters() {
            counters.update(sent: next - indexes.lowerBound, accepted: outcome.accepted,
                            rejected: outcome.answered - outcome.accepted)
        }
        while next < indexes.upperBound || outcome.answered < indexes.count {
            let now = MonotonicClock.now()
            let outstanding = (next - indexes.lowerBound) - outcome.answered
            let isDue = next < indexes.upperBound && due(next) <= now
            if isDue && outstanding < window {
                let room = min(batch, window - outstanding)
                var end = next + 1
                while end < indexes.upperBound && end - next < room && due(end) <= now { end += 1 }
                while signed.count - head < end - next { signed.append(try sign(next + signed.count - head)) }
                let lag = now - due(next)
                outcome.maxLag = max(outcome.maxLag, lag)
                counters.noteLag(lag)
                let publish = GMPMessage.Publish(events: (next..<end).map {
                    .init(tag: UInt64($0), event: signed[head + $0 - next])
                })
                try connection.send(frames: try GMPMessage.publish(publish).encode())
                head += end - next
                next = end
                if head >= 4_096 && head * 2 >= signed.count {
                    signed.removeFirst(head)
                    head = 0
                }
                publishCounters()
                continue
            }
            if isDue {
                // The window is full: wait for answers (the lag shows in the next send).
                let answered = try collectAnswers(into: &outcome, waitMilliseconds: 10_000)
                guard answered > 0 else {
                    throw BenchmarkError("no answer from the broker for 10 s with \(outstanding) events unanswered")
                }
                publishCounters()
                continue
            }
            let untilDue = next < indexes.upperBound ? due(next) &- now : 10_000_000_000
            if next < indexes.upperBound && signed.count - head < signAhead && untilDue > 300_000 {
                signed.append(try sign(next + signed.count - head))
                if try collectAnswers(into: &outcome, waitMilliseconds: 0) > 0 { publishCounters() }
                continue
            }
            try collectAnswersUntil(next < indexes.upperBound ? due(next) : nil, now: now, expected: indexes.count, into: &outcome)
            publishCounters()
        }
        publishCounters()
        return outcome
    }
}
