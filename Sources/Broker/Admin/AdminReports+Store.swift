import Admin
import Foundation
import Routing
import Store

extension EventSummary {
    /// The operator's view of a stored event (masked unless `unmask`).
    init(_ event: StoredEvent, unmask: Bool) {
        self.init(sequence: event.sequence.rawValue, source: event.source, agency: AgencySource.agency(of: event.source),
                  id: event.id, type: event.type, subject: event.subject, time: event.time, acceptedAt: event.acceptedAt)
        if !unmask { self = PersonalDataMask.mask(self) }
    }
}

extension DeliveryReport {
    /// The operator's view of a delivery and its attempts (failure details have NIKs masked unless `unmask`).
    init(_ record: DeliveryRecord, unmask: Bool) {
        func clean(_ text: String?) -> String? { unmask ? text : text.map(PersonalDataMask.maskNIKs(in:)) }
        self.init(
            id: record.id.rawValue, subscription: record.subscription.rawValue, state: record.state.rawValue,
            attempt: record.attempt, reason: record.lastFailure?.reason, detail: clean(record.lastFailure?.detail),
            deadAt: record.deadAt, updatedAt: record.updatedAt,
            attempts: record.attempts.map {
                Attempt(attempt: $0.attempt, consumer: $0.consumer.rawValue, startedAt: $0.startedAt, endedAt: $0.endedAt,
                        outcome: $0.outcome?.rawValue, reason: $0.failure?.reason, detail: clean($0.failure?.detail))
            })
    }
}

extension TailLine {
    /// An accepted event replayed from the store's history.
    init(history event: StoredEvent) {
        self.init(time: event.acceptedAt, status: .accepted, type: event.type, source: AgencySource.agency(of: event.source),
                  subject: event.subject, sequence: event.sequence.rawValue, eventID: event.id)
    }
}

extension RoutesReport {
    /// The routes in force.
    init(_ table: RouteTable, path: String) {
        self.init(
            path: path,
            permissions: table.permissions.map { Permission(agency: $0.agency, types: $0.types.map(\.pattern)) },
            subscriptions: table.subscriptions.map {
                let (seconds, attoseconds) = $0.retry.visibilityTimeout.components
                return Subscription(id: $0.id, subscriber: "\($0.agency)/\($0.adapter)", types: $0.types.map(\.pattern),
                                    filtered: !$0.filter.isEmpty, ordering: $0.ordering.rawValue,
                                    maxAttempts: $0.retry.maxAttempts, leaseSeconds: Double(seconds) + Double(attoseconds) / 1e18)
            })
    }
}

extension DeadLetterFilter {
    /// The store filter of a dead-letter query, ages counted back from `now`.
    init(_ query: DeadLetterQuery, now: Date) {
        self.init(subscription: query.subscription.map { SubscriptionID($0) }, typePattern: query.type, reason: query.reason,
                  deadBefore: query.olderThanSeconds.map { now.addingTimeInterval(-$0) },
                  deadSince: query.newerThanSeconds.map { now.addingTimeInterval(-$0) },
                  deliveries: query.deliveries.map { $0.map { DeliveryID($0) } }, limit: query.limit)
    }
}
