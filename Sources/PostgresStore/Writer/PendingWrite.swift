import Store

/// One write operation waiting for the group-commit writer, type-erased.
///
/// `Sendable`: its fields are immutable `@Sendable` closures and values.
struct PendingWrite: Sendable {
    /// Tells the submitter how its operation ended once the batch's fate is known: `nil` when
    /// the batch committed, the error when it did not.
    typealias Completion = @Sendable (StoreError?) -> Void

    /// Runs the operation inside the batch transaction and returns its completion.
    let run: @Sendable (PostgresWriteTransaction) async throws -> Completion
    /// Fails the operation without running it (or after it failed on its own).
    let fail: @Sendable (StoreError) -> Void
    /// When the operation was submitted (starts the batch's wait).
    let submittedAt: ContinuousClock.Instant
    /// Whether its answer must wait for the WAL flush.
    let durability: WriteDurability
    /// Whether it appends events or audit records, so that its transaction must hold the
    /// cluster-wide write-order lock (``AdvisoryLock/writeOrder``).
    let needsWriteOrder: Bool

    /// Wraps `operation`, whose result (or failure) is delivered through `continuation`.
    init<Value: Sendable>(
        _ operation: @escaping @Sendable (PostgresWriteTransaction) async throws -> Value,
        durability: WriteDurability,
        needsWriteOrder: Bool,
        continuation: CheckedContinuation<Result<Value, StoreError>, Never>
    ) {
        self.run = { transaction in
            let value = try await operation(transaction)
            return { batchError in
                if let batchError {
                    continuation.resume(returning: .failure(batchError))
                } else {
                    continuation.resume(returning: .success(value))
                }
            }
        }
        self.fail = { error in continuation.resume(returning: .failure(error)) }
        self.submittedAt = .now
        self.durability = durability
        self.needsWriteOrder = needsWriteOrder
    }
}
