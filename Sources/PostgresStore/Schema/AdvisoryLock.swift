/// The keys of the PostgreSQL advisory locks the store takes, all transaction-scoped
/// (`pg_advisory_xact_lock`, released at commit or rollback). The two-key form is used with a
/// class key of its own, so the keys cannot collide with another application's one-key locks.
enum AdvisoryLock {
    /// The class key ("GBNG").
    static let classKey: Int32 = 0x4742_4E47

    /// Held while migrations are checked and applied at open: several nodes starting at once
    /// apply each migration exactly once.
    static let migrations: Int32 = 1

    /// Held by every write transaction that appends an event or an audit record: de-duplication
    /// checks, sequence numbers and the audit chain's head are then read and extended by one
    /// transaction at a time across every node, so two nodes never both accept one (source, id),
    /// never link two records to one head, and sequence numbers commit in increasing order.
    static let writeOrder: Int32 = 2

    /// The class key of the per-subscription claim locks ("GBNH"); the object key is
    /// `hashtext(subscription)`.
    static let claimClassKey: Int32 = 0x4742_4E48
}
