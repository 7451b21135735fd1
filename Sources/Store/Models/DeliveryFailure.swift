/// Why a delivery attempt failed, as reported by the consumer or the broker.
///
/// `Sendable`: a value type of `String`s.
public struct DeliveryFailure: Sendable, Hashable, Codable {
    /// A machine-readable reason code (e.g. `"consumer.unavailable"`, `"delivery.max-attempts"`).
    public var reason: String
    /// A human-readable detail; never personal data.
    public var detail: String

    /// Creates a failure description.
    public init(reason: String, detail: String = "") {
        self.reason = reason
        self.detail = detail
    }
}
