/// Why a broker configuration (or a file it names) cannot be used. `Sendable`: strings.
public struct BrokerConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public enum Reason: String, Sendable, Hashable {
        /// The file could not be read.
        case unreadable = "config.unreadable"
        /// The file is not valid YAML, or its top level is not a mapping.
        case invalidYAML = "config.invalid-yaml"
        /// A setting has the wrong type or an out-of-range value.
        case invalidValue = "config.invalid-value"
        /// A setting name the broker does not know (a typo would otherwise be silently ignored).
        case unknownSetting = "config.unknown-setting"
        /// A key file is missing or not a valid key.
        case invalidKey = "config.invalid-key"
    }

    /// Why.
    public var reason: Reason
    /// A human message naming the file and the setting.
    public var message: String

    /// Creates an error.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// `<reason>: <message>`.
    public var description: String { "\(reason.rawValue): \(message)" }
}
