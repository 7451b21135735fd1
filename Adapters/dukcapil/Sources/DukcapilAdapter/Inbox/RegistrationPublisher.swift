/// Publishes the events of an export and returns the broker's verdict for each.
///
/// The adapter publishes through `GerbangClient`; the protocol lets the inbox logic be tested on
/// its own. An implementation throws only when no verdict could be obtained (broker unreachable,
/// timeout): the export then stays in the inbox and is processed again later.
public protocol RegistrationPublisher: Sendable {
    /// Publishes one event and waits for the broker's verdict.
    func publish(_ event: RegistrationEvent) async throws -> PublishVerdict
}
