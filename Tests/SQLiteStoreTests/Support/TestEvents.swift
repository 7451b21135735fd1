import Foundation
import Store

/// Builders for the behavioural tests.
enum TestEvents {
    /// A fixed instant, so that tests do not depend on the clock.
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static let subscriberA: SubscriptionID = "dukcapil/death-feed"
    static let subscriberB: SubscriptionID = "bpjs/claims"

    /// An event whose body is recognisable (`"{\"id\":\"<id>\"}"` padded to `bodySize`).
    static func make(
        id: String,
        source: String = "urn:gerbang:agency:dukcapil",
        type: String = "population.death.registered",
        partitionKey: String? = nil,
        acceptedAt: Date = t0,
        subscriptions: [SubscriptionID] = [subscriberA, subscriberB],
        bodySize: Int = 0
    ) -> NewEvent {
        var body = Array("{\"id\":\"\(id)\"}".utf8)
        if body.count < bodySize { body += Array(repeating: UInt8(ascii: " "), count: bodySize - body.count) }
        return NewEvent(
            source: source,
            id: id,
            type: type,
            subject: "subject-\(id)",
            partitionKey: partitionKey,
            time: "2027-01-15T08:00:00Z",
            body: body,
            acceptedAt: acceptedAt,
            subscriptions: subscriptions
        )
    }
}

extension EventStore {
    /// Appends and returns the new sequence, failing the test on a duplicate.
    func appendNew(_ event: NewEvent) async throws -> EventSequence {
        let outcome = try await append(event)
        guard case .accepted(let sequence) = outcome else {
            throw TestFailure("expected \(event.id) to be accepted, got \(outcome)")
        }
        return sequence
    }
}

/// A failed precondition inside a test helper.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
