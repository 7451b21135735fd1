/// The answer to a ``TransferRequest``.
///
/// - HTTP 200, `status` `settled`: the account was credited (`transactionId`, `settledAt`);
/// - HTTP 422, `status` `refused`: a permanent refusal with a `code` (`account-not-found`,
///   `account-closed`, `account-dormant`, `name-mismatch`, `duplicate-reference-mismatch`);
/// - HTTP 503, `status` `unavailable`: try again later (`Retry-After` header, seconds);
/// - HTTP 400, `status` `invalid`: the request is not a valid transfer.
///
/// `Sendable`, `Codable`: a value type of optional strings.
public struct TransferResponse: Sendable, Hashable, Codable {
    /// `settled`, `refused`, `unavailable` or `invalid`.
    public var status: String
    /// The bank's transaction reference (settled).
    public var transactionId: String?
    /// RFC 3339 time of the credit (settled).
    public var settledAt: String?
    /// The refusal code (refused, invalid).
    public var code: String?
    /// A message for people, without personal data.
    public var message: String?

    /// Creates a response.
    public init(status: String, transactionId: String? = nil, settledAt: String? = nil, code: String? = nil, message: String? = nil) {
        self.status = status
        self.transactionId = transactionId
        self.settledAt = settledAt
        self.code = code
        self.message = message
    }
}
