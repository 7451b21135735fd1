/// What the broker said about one published event.
///
/// `Sendable`: a value type of strings and a flag.
public enum PublishVerdict: Sendable, Hashable {
    /// Stored durably (ACCEPTED); `duplicate` when the id had already been accepted.
    case accepted(duplicate: Bool)
    /// Refused (REJECTED) with the broker's reason code and message.
    case rejected(reason: String, message: String)
}
