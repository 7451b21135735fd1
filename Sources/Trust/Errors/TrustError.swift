/// A rejection by the `Trust` module: a stable reason code, a human message, and the OpenSSL
/// failure behind it when there is one.
///
/// `Sendable`: value type of strings and enums.
public struct TrustError: Error, Sendable, CustomStringConvertible, Hashable {
    /// The machine-readable reason (e.g. `trust.revoked`).
    public let reason: TrustReason
    /// What went wrong, for people; never contains payload data.
    public let message: String
    /// The OpenSSL call that failed, when the rejection comes from one.
    public let openSSL: OpenSSLError?

    /// Creates an error with `reason` and an explanatory `message`.
    public init(_ reason: TrustReason, _ message: String) {
        self.reason = reason
        self.message = message
        self.openSSL = nil
    }

    /// Wraps an OpenSSL failure as `reason`.
    public init(_ reason: TrustReason, _ error: OpenSSLError) {
        self.reason = reason
        self.message = error.description
        self.openSSL = error
    }

    public var description: String { "\(reason.rawValue): \(message)" }
}
