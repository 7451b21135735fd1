/// Whether a write's answer waits for the WAL flush (see ``PostgresGroupCommitWriter``).
///
/// `Sendable`: a plain enum.
enum WriteDurability: Sendable, Equatable {
    /// The batch commits with `synchronous_commit = on`: the answer comes after the server has
    /// flushed the commit to its WAL on disk. Appends, dead letters, scheduled retries, admin
    /// actions, audit records and checkpoints, replay, purge, prune.
    case synced
    /// The batch commits with `synchronous_commit = off` when all of its operations are relaxed: claims, acknowledgements, lease expiry, releases, retry promotion. A crash of
    /// the server can undo the latest of them (never an earlier one while keeping a later one:
    /// the WAL is replayed in order), which only brings deliveries back.
    case relaxed
}
