import Synchronization

/// Collects the answers of one `publish(batch:)` and resumes its caller when the last arrives.
/// `Sendable`: a `Mutex` guards the results and the continuation.
final class BatchCollector: Sendable {
    private struct State {
        var results: [Result<Receipt, GerbangClientError>?]
        var missing: Int
        var continuation: CheckedContinuation<[Result<Receipt, GerbangClientError>], Never>?
    }

    private let state: Mutex<State>

    init(count: Int, continuation: CheckedContinuation<[Result<Receipt, GerbangClientError>], Never>) {
        state = Mutex(State(results: Array(repeating: nil, count: count), missing: count, continuation: continuation))
    }

    func complete(_ index: Int, with result: Result<Receipt, GerbangClientError>) {
        let finished: (CheckedContinuation<[Result<Receipt, GerbangClientError>], Never>, [Result<Receipt, GerbangClientError>])? =
            state.withLock { state in
                guard state.results[index] == nil else { return nil }
                state.results[index] = result
                state.missing -= 1
                guard state.missing == 0, let continuation = state.continuation else { return nil }
                state.continuation = nil
                return (continuation, state.results.map { $0! })
            }
        if let (continuation, results) = finished { continuation.resume(returning: results) }
    }
}
