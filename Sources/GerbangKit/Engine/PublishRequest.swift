import Synchronization

/// One event on its way to the broker, with whoever waits for its answer. `Sendable`: bytes,
/// numbers and a `Sendable` completion.
struct PublishRequest: Sendable {
    /// The signed event, byte for byte.
    let event: [UInt8]
    /// Its row in the publisher outbox, deleted once the broker answered.
    let outboxID: Int64?
    /// When the waiting caller gives up (``GerbangClientError/Reason/publishTimeout``).
    let deadline: ContinuousClock.Instant
    /// Who waits; `nil` for outbox entries re-sent at start (nobody waits for them).
    var completion: PublishCompletion?
}

/// Where the answer of a ``PublishRequest`` goes. `Sendable`: continuations and a `Sendable`
/// collector.
enum PublishCompletion: Sendable {
    /// One caller of `publish`.
    case single(CheckedContinuation<Result<Receipt, GerbangClientError>, Never>)
    /// Position `index` of a `publish(batch:)` call.
    case batch(BatchCollector, Int)

    /// Delivers the answer (exactly once per request).
    func complete(_ result: Result<Receipt, GerbangClientError>) {
        switch self {
        case .single(let continuation): continuation.resume(returning: result)
        case .batch(let collector, let index): collector.complete(index, with: result)
        }
    }
}

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
