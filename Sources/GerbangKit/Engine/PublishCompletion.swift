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
