/// Why a value has no RFC 8785 canonical form.
///
/// `Sendable`: a value type made only of value types.
public struct JCSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable, machine-readable reason.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// A number's magnitude is too large for an IEEE 754 double (it would be ±Infinity),
        /// which RFC 8785 §3.2.2.3 forbids.
        case numberOutOfRange = "jcs.number-out-of-range"
    }

    /// The stable reason code.
    public let reason: Reason
    /// JSON Pointer (RFC 6901) of the offending value inside the canonicalised value.
    public let pointer: String
    /// A human-readable explanation.
    public let message: String

    /// Creates an error.
    public init(reason: Reason, pointer: String, message: String) {
        self.reason = reason
        self.pointer = pointer
        self.message = message
    }

    /// `jcs.reason at /pointer: message`.
    public var description: String {
        "\(reason.rawValue) at \(pointer.isEmpty ? "(root)" : pointer): \(message)"
    }

    /// The same error, located one level further out (under `token`).
    func nested(under token: String) -> JCSError {
        var escaped = ""
        for character in token {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return JCSError(reason: reason, pointer: "/" + escaped + pointer, message: message)
    }
}
