import GerbangKit

/// Publishes registration events through the adapter's client.
///
/// `Sendable`: an `AdapterContext`.
struct ContextPublisher: RegistrationPublisher {
    let context: AdapterContext

    func publish(_ event: RegistrationEvent) async throws -> PublishVerdict {
        let outgoing = try event.outgoingEvent()
        let result = await context.publish([outgoing])[0]
        switch result {
        case .success(let receipt):
            return .accepted(duplicate: receipt.duplicate)
        case .failure(let error):
            // A refusal of this event is its verdict; anything else (timeouts, a transient
            // broker condition, a closed client) leaves the export for a later attempt.
            guard error.reason == .rejected, !error.isRetryable else { throw error }
            let code = error.brokerReason?.rawValue ?? "broker.rejected"
            let specific = error.specificCode.isEmpty ? "" : error.specificCode + ": "
            let location = error.location.isEmpty ? "" : " at \(error.location)"
            return .rejected(reason: code, message: specific + error.message + location)
        }
    }
}
