import Admin
import Foundation
import Store

/// What the tail reports about an event in delivery lines: its attributes without the body,
/// kept with an in-flight delivery until it is answered.
///
/// `Sendable`: a value type of strings and numbers.
struct ObservedEvent: Sendable, Hashable {
    let type: String
    /// The event's `source`; its agency (``agency``) is derived only when a line is built.
    let source: String
    let subject: String?
    let sequence: Int64
    let id: String

    /// The attributes of a stored event.
    init(_ event: StoredEvent) {
        type = event.type
        source = event.source
        subject = event.subject
        sequence = event.sequence.rawValue
        id = event.id
    }

    /// The agency named by `source` (`AgencySource`): read for tail lines only, so that a
    /// delivery without a tail connected does not parse it.
    var agency: String { AgencySource.agency(of: source) }

    /// A delivery line about this event.
    func line(_ status: TailStatus, subscription: String, subscriber: String, attempt: Int, deliveryID: Int64,
              reason: String? = nil) -> TailLine {
        TailLine(time: Date(), status: status, type: type, source: agency, subscription: subscription, subscriber: subscriber,
                 subject: subject, sequence: sequence, eventID: id, attempt: attempt, deliveryID: deliveryID, reason: reason)
    }
}
