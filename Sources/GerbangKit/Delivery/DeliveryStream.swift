/// The deliveries of a subscribed ``GerbangClient``, as an `AsyncSequence`. `Sendable`: it wraps
/// an `AsyncStream`.
///
/// The client holds at most ``GerbangClient/Configuration/concurrency`` deliveries unanswered
/// (its CREDIT); process them concurrently (e.g. in a task group) and answer each one. Ending the
/// iteration (or dropping the stream) sends CREDIT 0: the broker stops delivering, and what is
/// still unanswered is delivered again later.
public struct DeliveryStream: AsyncSequence, Sendable {
    public typealias Element = Delivery
    public typealias Failure = Never

    private let stream: AsyncStream<Delivery>

    init(_ stream: AsyncStream<Delivery>) {
        self.stream = stream
    }

    /// Iterates the deliveries until the client closes.
    public func makeAsyncIterator() -> AsyncStream<Delivery>.Iterator {
        stream.makeAsyncIterator()
    }
}
