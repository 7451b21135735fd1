@testable import Broker
import Envelope
import Foundation
import GMP
import Store
import Testing

@Suite struct BrokerUnitTests {
    @Test func rateLimiterAdmitsTheBurstThenTheRate() {
        let limiter = AgencyRateLimiter(rate: 10, burst: 3)
        let start = ContinuousClock.now
        #expect((0..<3).allSatisfy { _ in limiter.admit("dukcapil", now: start) })
        #expect(!limiter.admit("dukcapil", now: start))
        #expect(limiter.admit("kemensos", now: start), "buckets are per agency")
        #expect(limiter.admit("dukcapil", now: start + .milliseconds(110)), "one token after 1/rate seconds")
        #expect(!limiter.admit("dukcapil", now: start + .milliseconds(110)))
        let unlimited = AgencyRateLimiter(rate: 0, burst: 1)
        #expect((0..<1_000).allSatisfy { _ in unlimited.admit("dukcapil", now: start) })
    }

    @Test func rateLimiterUsesEachAgencysOwnRate() {
        var limits = BrokerConfiguration.Limits(agencyPublishRate: 0)
        limits.agencyRates = ["dukcapil": AgencyPublishRate(rate: 1, burst: 2)]
        let limiter = AgencyRateLimiter(rates: limits)
        let start = ContinuousClock.now
        #expect(limiter.admit("dukcapil", now: start) && limiter.admit("dukcapil", now: start))
        #expect(!limiter.admit("dukcapil", now: start))
        #expect((0..<1_000).allSatisfy { _ in limiter.admit("kemensos", now: start) }, "no default limit")
        #expect(limiter.admit("dukcapil", now: start + .milliseconds(1_010)))
    }

    @Test func clockSkewRejectsTimesOutsideTheWindow() throws {
        let policy = ClockSkewPolicy(maxFutureSeconds: 300, maxAgeSeconds: 3_600)
        let now = Date(timeIntervalSince1970: 1_795_314_137)  // 2026-11-22T02:22:17Z
        func event(time: String) throws -> CloudEvent {
            try CloudEvent(parsing: Array(#"{"specversion":"1.0","id":"1","source":"/x","type":"t","time":"\#(time)"}"#.utf8))
        }
        #expect(policy.check(try event(time: "2026-11-22T09:27:17+07:00"), tag: 1, now: now) == nil, "5 min ahead")
        #expect(policy.check(try event(time: "2026-11-22T09:27:18+07:00"), tag: 2, now: now)?.reason == .eventClockSkew)
        #expect(policy.check(try event(time: "2026-11-22T01:22:17.000Z"), tag: 3, now: now) == nil, "1 h old")
        let old = policy.check(try event(time: "2026-11-22T01:22:16.5Z"), tag: 4, now: now)
        #expect(old?.reason == .eventClockSkew && old?.location == "/time" && old?.tag == 4)
    }

    @Test func metricsRenderCountersQueuesAndHistograms() {
        let metrics = BrokerMetrics()
        metrics.eventPublished()
        metrics.eventPublished()
        metrics.answered(.accepted(.init(tag: 1, sequence: 1)), latency: 0.003)
        metrics.answered(.rejected(.init(tag: 2, reason: .schemaViolation)), latency: 0.2)
        metrics.delivered(attempt: 1, acceptedAt: Date(timeIntervalSince1970: 0), now: Date(timeIntervalSince1970: 0.004))
        metrics.delivered(attempt: 2, acceptedAt: Date(timeIntervalSince1970: 0), now: Date(timeIntervalSince1970: 9))
        let text = metrics.render(queues: [
            QueueStats(subscription: "s", ready: 4, inFlight: 1, waiting: 2, dead: 3, oldestPendingAcceptedAt: nil, oldestPendingAge: 0),
        ])
        #expect(text.contains("gerbang_published_total 2\n"))
        #expect(text.contains("gerbang_rejected_total{reason=\"schema.violation\"} 1\n"))
        #expect(text.contains("gerbang_delivered_total 2\n"))
        #expect(text.contains("gerbang_queue_depth{subscription=\"s\",state=\"ready\"} 4\n"))
        #expect(text.contains("gerbang_queue_depth{subscription=\"s\",state=\"dead\"} 3\n"))
        #expect(text.contains("gerbang_publish_confirm_seconds_bucket{le=\"0.005\"} 1\n"))
        #expect(text.contains("gerbang_publish_confirm_seconds_bucket{le=\"+Inf\"} 2\n"))
        #expect(text.contains("gerbang_publish_deliver_seconds_count 1\n"), "only first attempts are latencies")
    }

    @Test func rejectionTextsAreClippedToTheFieldLimit() {
        let long = String(repeating: "é", count: 3_000)
        let clipped = PublishPipeline.clip(long)
        #expect(clipped.utf8.count <= 4_096)
        #expect(clipped.utf8.count > 4_000)
    }
}
