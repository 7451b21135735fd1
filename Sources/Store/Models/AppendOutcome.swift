/// The result of ``EventStore/append(_:)``, returned once the outcome is durable.
///
/// `Sendable`: an enum of `Sendable` payloads.
public enum AppendOutcome: Sendable, Hashable {
    /// The event was stored with this sequence number.
    case accepted(EventSequence)
    /// An event with the same (`source`, `id`) was accepted within the de-duplication window;
    /// nothing was written.
    case duplicate(originalSequence: EventSequence)

    /// The sequence number of the stored event (the original one for a duplicate).
    public var sequence: EventSequence {
        switch self {
        case .accepted(let sequence), .duplicate(let sequence): sequence
        }
    }

    /// Whether the event was a duplicate.
    public var isDuplicate: Bool {
        if case .duplicate = self { return true }
        return false
    }
}
