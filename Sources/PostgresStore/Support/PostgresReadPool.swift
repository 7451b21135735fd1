import Logging
import PostgresNIO
import Store
import Synchronization

/// The connections of a ``PostgresStore``'s reads (inspection queries), at most `size` at once,
/// opened when first needed and kept while healthy.
///
/// Not PostgresNIO's `PostgresClient`: its pool keeps retrying a server that is down, so a read
/// would wait instead of failing. Here a read that cannot get a connection fails at once with
/// `store.unavailable` (the connect timeout bounds the attempt), and a connection that broke is
/// dropped, not reused.
///
/// `Sendable`: its mutable state is inside a `Mutex`.
final class PostgresReadPool: Sendable {
    private struct State {
        var idle: [PostgresConnection] = []
        var open = 0
        var waiters: [CheckedContinuation<Lease, Never>] = []
        var isClosed = false
    }

    private let connector: PostgresConnector
    private let size: Int
    private let state = Mutex(State())

    init(connector: PostgresConnector, size: Int) {
        self.connector = connector
        self.size = size
    }

    /// Runs `body` with a connection of the pool; its errors are mapped with `context`.
    func withConnection<Value>(
        context: String,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws(StoreError) -> Value {
        let connection = try await lease()
        do {
            let value = try await body(connection)
            giveBack(connection)
            return value
        } catch {
            giveBack(connection)
            throw StoreError(mapping: error, context: context)
        }
    }

    /// Closes every idle connection and refuses new leases.
    func close() async {
        let (idle, waiters) = state.withLock { state in
            state.isClosed = true
            defer { state.idle = []; state.waiters = [] }
            return (state.idle, state.waiters)
        }
        for waiter in waiters { waiter.resume(returning: .closed) }
        for connection in idle { try? await connection.close() }
    }

    private enum Lease {
        case reuse(PostgresConnection)
        case open
        case wait
        case closed
    }

    private func lease() async throws(StoreError) -> PostgresConnection {
        var decision: Lease = state.withLock { state in
            if state.isClosed { return .closed }
            while let connection = state.idle.popLast() {
                if !connection.isClosed { return .reuse(connection) }
                state.open -= 1
            }
            if state.open < size {
                state.open += 1
                return .open
            }
            return .wait
        }
        if case .wait = decision {
            decision = await withCheckedContinuation { continuation in
                // Decided again under the lock: a connection given back since the first decision
                // went to the idle list (there was no waiter yet) and must not be missed.
                let now: Lease? = state.withLock { state in
                    if state.isClosed { return .closed }
                    if let connection = state.idle.popLast() { return .reuse(connection) }
                    if state.open < size {
                        state.open += 1
                        return .open
                    }
                    state.waiters.append(continuation)
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        }
        switch decision {
        case .reuse(let connection):
            return connection
        case .closed, .wait:
            throw StoreError(.closed, "the store is closed")
        case .open:
            do {
                return try await connector.connect()
            } catch {
                state.withLock { $0.open -= 1 }
                throw error
            }
        }
    }

    /// Returns a connection: to the first waiter, or to the idle list; a broken one is dropped
    /// and its slot handed to a waiter, which opens a new connection.
    private func giveBack(_ connection: PostgresConnection) {
        let (waiter, lease, closeIt): (CheckedContinuation<Lease, Never>?, Lease, Bool) = state.withLock { state in
            if state.isClosed {
                state.open -= 1
                return (nil, .closed, !connection.isClosed)
            }
            if connection.isClosed {
                if !state.waiters.isEmpty { return (state.waiters.removeFirst(), .open, false) }
                state.open -= 1
                return (nil, .closed, false)
            }
            if !state.waiters.isEmpty { return (state.waiters.removeFirst(), .reuse(connection), false) }
            state.idle.append(connection)
            return (nil, .closed, false)
        }
        waiter?.resume(returning: lease)
        if closeIt {
            Task { try? await connection.close() }
        }
    }
}
