import Logging
import PostgresNIO
import Store
import Synchronization

extension PostgresConnection {
    /// Runs `query` and returns every row, or fails with `store.unavailable` as soon as the
    /// connection is closed.
    ///
    /// PostgresNIO 1.33 loses a query sent on a connection that has just been closed by the
    /// server (e.g. `FATAL 57P01 terminating connection due to unexpected postmaster exit`,
    /// received while the connection was idle between two statements of a transaction): the
    /// request is written to a closed channel, nothing fails its promise, and the caller waits
    /// forever. Every statement of the store therefore races its query against the channel's
    /// `closeFuture`; when the connection closes first, the statement fails (the abandoned query
    /// task stays suspended: one small task per lost connection).
    @discardableResult
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        if isClosed { throw StoreError(.unavailable, "the connection to the database server is closed") }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[PostgresRow], any Error>) in
            let answer = AnswerOnce(continuation)
            closeFuture.whenComplete { _ in
                answer.resume(throwing: StoreError(.unavailable, "the database server closed the connection"))
            }
            Task {
                do {
                    answer.resume(returning: try await self.query(query, logger: logger).collect())
                } catch {
                    answer.resume(throwing: error)
                }
            }
        }
    }
}

/// Resumes a continuation with the first of several answers and ignores the others.
///
/// `Sendable`: the continuation is inside a `Mutex` and taken out exactly once.
private final class AnswerOnce<Value: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<Value, any Error>?>

    init(_ continuation: CheckedContinuation<Value, any Error>) {
        self.continuation = Mutex(continuation)
    }

    func resume(returning value: Value) {
        continuation.withLock { $0.take() }?.resume(returning: value)
    }

    func resume(throwing error: any Error) {
        continuation.withLock { $0.take() }?.resume(throwing: error)
    }
}
