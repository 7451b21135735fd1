/// What the broker said about one published event.
///
/// `Sendable`: a value type of strings and a flag.
public enum PublishVerdict: Sendable, Hashable {
    /// Stored durably (ACCEPTED); `duplicate` when the id had already been accepted.
    case accepted(duplicate: Bool)
    /// Refused (REJECTED) with the broker's reason code and message.
    case rejected(reason: String, message: String)
}

/// Publishes the events of an export and returns the broker's verdict for each.
///
/// The adapter publishes through `GerbangClient`; the protocol lets the inbox logic be tested on
/// its own. An implementation throws only when no verdict could be obtained (broker unreachable,
/// timeout): the export then stays in the inbox and is processed again later.
public protocol RegistrationPublisher: Sendable {
    /// Publishes one event and waits for the broker's verdict.
    func publish(_ event: RegistrationEvent) async throws -> PublishVerdict
}
