/// What the bank's API said about one transfer, as the adapter acts on it.
///
/// `Sendable`: a value type of strings and a duration.
public enum TransferOutcome: Sendable, Hashable {
    /// The account was credited.
    case settled(transactionId: String, settledAt: String)
    /// The bank refused for good (unknown, closed or dormant account, …): `code` is the bank's.
    case refused(code: String, message: String)
    /// The bank could not be reached or is unavailable: try again, after `retryAfter` when the
    /// bank said so.
    case unavailable(retryAfter: Duration?, detail: String)
}
