/// Whether a write's answer waits for stable storage (see ``GroupCommitWriter``).
///
/// `Sendable`: a plain enum.
enum WriteDurability: Sendable, Equatable {
    /// The answer comes after the WAL fsync: the write survives a power loss. Appends (an
    /// ACCEPTED is a promise), dead letters, retries scheduled by a consumer, admin actions,
    /// audit checkpoints and everything not marked otherwise.
    case synced
    /// The answer comes after the commit, without waiting for an fsync of its own. For writes
    /// whose loss in a power failure only brings a delivery back: claims (in flight again
    /// becomes ready on restart anyway), acknowledgements (at-least-once allows the
    /// redelivery), lease expiry, releases and retry promotion.
    case relaxed
}
