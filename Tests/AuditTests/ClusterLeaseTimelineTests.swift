import Audit
import Foundation
import Testing

/// `DeliveryLeaseTimeline`: leases read from claim, outcome and release records, and the
/// overlap check across nodes (the evidence of the cluster's end-to-end test).
@Suite struct ClusterLeaseTimelineTests {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    private func claim(_ consumer: String, delivery: Int64, attempt: Int64, at seconds: Double,
                       leaseSeconds: Double = 30) -> AuditEntry {
        .deliveriesClaimed(consumer: consumer, deliveries: [
            .init(subscription: "s", sequence: delivery, delivery: delivery, attempt: attempt,
                  leaseDeadline: t0.addingTimeInterval(seconds + leaseSeconds)),
        ], at: t0.addingTimeInterval(seconds))
    }

    private func ack(_ consumer: String, delivery: Int64, attempt: Int64, at seconds: Double) -> AuditEntry {
        .deliveryOutcomes(consumer: consumer, outcome: "acknowledged", reason: "", deliveries: [
            .init(subscription: "s", sequence: delivery, delivery: delivery, attempt: attempt),
        ], at: t0.addingTimeInterval(seconds))
    }

    @Test func aLeaseEndsAtItsOutcomeItsReleaseOrItsDeadline() {
        let timeline = DeliveryLeaseTimeline([
            claim("a/1/k/m/1", delivery: 1, attempt: 1, at: 0),
            ack("a/1/k/m/1", delivery: 1, attempt: 1, at: 2),
            claim("a/1/k/m/1", delivery: 2, attempt: 1, at: 3),
            .deliveriesReleased(consumer: "a/1/k/m/1", count: 1, at: t0.addingTimeInterval(5)),
            claim("b/1/k/m/1", delivery: 3, attempt: 1, at: 4, leaseSeconds: 10),
        ])
        #expect(timeline.leases.map(\.ending) == ["acknowledged", "released", "deadline"])
        #expect(timeline.leases.map(\.endMilliseconds) == [2_000, 5_000, 14_000].map { AuditEntry.milliseconds(t0) + $0 })
        #expect(timeline.leases.map(\.node) == ["a", "a", "b"])
        #expect(timeline.malformedRecords == 0)
    }

    @Test func aRedeliveryAfterTheDeadlineAtAnotherNodeIsNoOverlap() {
        let timeline = DeliveryLeaseTimeline([
            claim("a/1/k/m/1", delivery: 7, attempt: 1, at: 0, leaseSeconds: 10),
            claim("b/1/k/m/4", delivery: 7, attempt: 2, at: 10.5),
            ack("b/1/k/m/4", delivery: 7, attempt: 2, at: 11),
            // a's late ACK of attempt 1 was not applied: no outcome record.
        ])
        #expect(timeline.overlapsAcrossNodes().isEmpty)
        #expect(timeline.repeatedAttempts().isEmpty)
    }

    @Test func aClaimAtAnotherNodeWhileTheLeaseHoldsIsFound() {
        let timeline = DeliveryLeaseTimeline([
            claim("a/1/k/m/1", delivery: 7, attempt: 1, at: 0, leaseSeconds: 10),
            claim("b/1/k/m/4", delivery: 7, attempt: 1, at: 3),
            ack("b/1/k/m/4", delivery: 7, attempt: 1, at: 4),
        ])
        let overlaps = timeline.overlapsAcrossNodes()
        #expect(overlaps.count == 1)
        #expect(overlaps.first.map { [$0.first.node, $0.second.node] } == ["a", "b"])
        #expect(timeline.repeatedAttempts().map(\.delivery) == [7])
    }

    @Test func aReleaseRecordedBeforeTheClaimItTookBackEndsThatLease() {
        // The session ended while the claim committed: the release's record comes first, and
        // another node claims the delivery right after.
        let timeline = DeliveryLeaseTimeline([
            .deliveriesReleased(consumer: "a/1/k/m/1", count: 1, at: t0.addingTimeInterval(1)),
            claim("a/1/k/m/1", delivery: 9, attempt: 1, at: 1.002),
            claim("b/1/k/m/2", delivery: 9, attempt: 2, at: 1.010),
        ])
        #expect(timeline.leases.first?.ending == "released")
        #expect(timeline.overlapsAcrossNodes().isEmpty)
    }

    @Test func leasesOfOneNodeNeverCountAsOverlapping() {
        let timeline = DeliveryLeaseTimeline([
            claim("a/1/k/m/1", delivery: 5, attempt: 1, at: 0),
            claim("a/2/k/m/1", delivery: 5, attempt: 2, at: 1),
        ])
        #expect(timeline.overlapsAcrossNodes().isEmpty)
    }
}
