import GMP

/// Work that callers hand to the client's I/O thread through the ``ClientMailbox``. `Sendable`:
/// every payload is a value or a continuation.
enum ClientCommand: Sendable {
    /// Send an event and complete the request with its answer.
    case publish(PublishRequest)
    /// Send an ACK or NACK (already checked to encode).
    case answer(GMPMessage)
    /// Start handing deliveries to this stream continuation and send CREDIT.
    case openDeliveries(generation: Int, AsyncStream<Delivery>.Continuation)
    /// The stream of `generation` ended: send CREDIT 0 and stop handing deliveries.
    case closeDeliveries(generation: Int)
    /// Resume the continuation with the session once there is one, or fail at the deadline.
    case waitForSession(deadline: ContinuousClock.Instant, CheckedContinuation<Result<SessionInfo, GerbangClientError>, Never>)
    /// Answer outstanding publishes (bounded by the close timeout), say BYE, stop the thread.
    case close(CheckedContinuation<Void, Never>?)
}
