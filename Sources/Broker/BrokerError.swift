/// Why the broker could not start. `Sendable`: strings.
public struct BrokerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public enum Reason: String, Sendable, Hashable {
        /// A configuration file, key or route is unusable.
        case configuration = "broker.configuration"
        /// The trust configuration (PKI, CRLs, agencies) could not be loaded.
        case trust = "broker.trust"
        /// The schema catalogue could not be loaded.
        case catalogue = "broker.catalogue"
        /// The store could not be opened.
        case store = "broker.store"
        /// A socket could not be set up or bound.
        case socket = "broker.socket"
    }

    /// Why.
    public var reason: Reason
    /// A human message.
    public var message: String

    /// Creates an error.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// `<reason>: <message>`.
    public var description: String { "\(reason.rawValue): \(message)" }
}
