import Routing
import Testing

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 8, backoffBase: .milliseconds(100), backoffFactor: 2, backoffCap: .seconds(2))

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    @Test func defaults() {
        let policy = RetryPolicy()
        #expect(policy.maxAttempts == 10)
        #expect(policy.backoffBase == .seconds(1))
        #expect(policy.backoffFactor == 2)
        #expect(policy.backoffCap == .seconds(300))
        #expect(policy.visibilityTimeout == .seconds(30))
    }

    @Test func ceilingGrowsExponentiallyUpToTheCap() {
        let ceilings = (1...8).map { seconds(policy.backoffCeiling(afterAttempt: $0)) }
        let expected = [0.1, 0.2, 0.4, 0.8, 1.6, 2, 2, 2]
        for (ceiling, want) in zip(ceilings, expected) {
            #expect(abs(ceiling - want) < 1e-9)
        }
        #expect(policy.backoffCeiling(afterAttempt: 0) == policy.backoffCeiling(afterAttempt: 1))
        #expect(policy.backoffCeiling(afterAttempt: 100_000) == .seconds(2), "overflow is absorbed by the cap")
    }

    @Test func fullJitterSpansZeroToTheCeiling() {
        #expect(policy.delay(forAttempt: 3, randomUnit: 0) == .zero)
        #expect(abs(seconds(policy.delay(forAttempt: 3, randomUnit: 0.5)) - 0.2) < 1e-9)
        #expect(abs(seconds(policy.delay(forAttempt: 3, randomUnit: 0.999_999)) - 0.4) < 1e-6)
        #expect(policy.delay(forAttempt: 3, randomUnit: 7) == policy.backoffCeiling(afterAttempt: 3), "units are clamped")
        #expect(policy.delay(forAttempt: 3, randomUnit: -1) == .zero)
        #expect(policy.delay(forAttempt: 3, randomUnit: .nan) == .zero)
    }

    @Test func scheduleStatisticsWithSeededRandom() {
        var generator = SplitMix64(seed: 0x6765_7262_616E_67)
        let samples = 20_000
        for attempt in 1...7 {
            let ceiling = seconds(policy.backoffCeiling(afterAttempt: attempt))
            var sum = 0.0
            var low = Double.infinity
            var high = 0.0
            var buckets = [Int](repeating: 0, count: 10)
            var outOfRange = 0
            for _ in 0..<samples {
                let delay = seconds(policy.delay(forAttempt: attempt, using: &generator))
                if delay < 0 || delay >= ceiling + 1e-9 || delay > 2 + 1e-9 { outOfRange += 1 }
                sum += delay
                low = min(low, delay)
                high = max(high, delay)
                buckets[min(Int(delay / ceiling * 10), 9)] += 1
            }
            #expect(outOfRange == 0, "every delay in [0, min(cap, ceiling))")
            let mean = sum / Double(samples)
            // Uniform on [0, ceiling): mean ceiling/2, standard error ceiling/sqrt(12·n) ≈ 0.002·ceiling.
            #expect(abs(mean - ceiling / 2) < 0.02 * ceiling, "attempt \(attempt): mean \(mean), ceiling \(ceiling)")
            // Full jitter covers the whole range, down to near zero and up to near the ceiling.
            #expect(low < 0.01 * ceiling)
            #expect(high > 0.99 * ceiling)
            // Each tenth of the range holds about a tenth of the samples.
            for bucket in buckets { #expect(abs(Double(bucket) / Double(samples) - 0.1) < 0.015) }
        }
    }

    @Test func seededScheduleIsDeterministic() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        let one = (1...10).map { policy.delay(forAttempt: $0, using: &first) }
        let two = (1...10).map { policy.delay(forAttempt: $0, using: &second) }
        #expect(one == two)
        var third = SplitMix64(seed: 43)
        #expect(one != (1...10).map { policy.delay(forAttempt: $0, using: &third) })
    }

    @Test func consumerRequestedDelayIsHonouredAndClampedToTheCap() {
        #expect(policy.delay(forAttempt: 1, requested: .milliseconds(1_500), randomUnit: 0.1) == .milliseconds(1_500))
        #expect(policy.delay(forAttempt: 1, requested: .seconds(30), randomUnit: 0.1) == .seconds(2))
        #expect(policy.delay(forAttempt: 3, requested: .zero, randomUnit: 0.5) == policy.delay(forAttempt: 3, randomUnit: 0.5),
                "zero means: use the backoff")
    }

    @Test func exhaustion() {
        #expect(!policy.isExhausted(afterAttempt: 7))
        #expect(policy.isExhausted(afterAttempt: 8))
        #expect(RetryPolicy(maxAttempts: 1).isExhausted(afterAttempt: 1))
    }
}
