/// The stable reason codes of admin failures, on the wire and in the CLI's messages.
///
/// `Sendable`: an enum of strings.
public enum AdminErrorReason: String, Sendable, Hashable, Codable {
    /// The request is not valid JSON or not a known action.
    case badRequest = "admin.bad-request"
    /// The operator's role does not allow the action.
    case forbidden = "admin.forbidden"
    /// No such event or dead letter.
    case notFound = "admin.not-found"
    /// The store failed.
    case store = "admin.store"
    /// Too many tails are connected.
    case tooManyTails = "admin.too-many-tails"
    /// The broker did not answer in time (client side).
    case unreachable = "admin.unreachable"
    /// A key file or server key could not be read (client side).
    case key = "admin.key"
    /// The answer could not be decoded (client side).
    case protocolError = "admin.protocol"
}
