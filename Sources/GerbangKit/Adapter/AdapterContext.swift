import Logging

/// What a running adapter gets from its ``AdapterRunner``: the connected client, a logger, its
/// metrics and where its configuration lives. `Sendable`: immutable references to `Sendable`
/// objects.
public struct AdapterContext: Sendable {
    /// The client (publish, or anything else the adapter needs from the broker).
    public let client: GerbangClient
    /// The adapter's logger (label `gerbang.adapter.<name>`). Never log personal data at `info`.
    public let logger: Logger
    /// Counters of what the adapter did.
    public let metrics: AdapterMetrics
    /// The folder relative paths in the configuration are resolved against.
    public let baseDirectory: String

    /// Creates a context (the runner does this; tests may too).
    public init(client: GerbangClient, logger: Logger, metrics: AdapterMetrics = AdapterMetrics(), baseDirectory: String) {
        self.client = client
        self.logger = logger
        self.metrics = metrics
        self.baseDirectory = baseDirectory
    }

    /// Signs and publishes `events` (one batch) and returns each one's verdict, in order. Counts
    /// them in ``metrics``.
    public func publish(_ events: [OutgoingEvent]) async -> [Result<Receipt, GerbangClientError>] {
        var results: [Result<Receipt, GerbangClientError>?] = Array(repeating: nil, count: events.count)
        var signed: [[UInt8]] = []
        var positions: [Int] = []
        for (index, event) in events.enumerated() {
            do {
                signed.append(try client.sign(try event.cloudEvent(source: client.configuration.eventSource)))
                positions.append(index)
            } catch {
                results[index] = .failure(error)
            }
        }
        for (position, result) in zip(positions, await client.publish(batch: signed)) {
            results[position] = result
        }
        let final = results.map { $0! }
        for result in final {
            switch result {
            case .success: metrics.increment(.published)
            case .failure: metrics.increment(.publishFailed)
            }
        }
        return final
    }

    /// Signs and publishes one event; throws its rejection.
    @discardableResult
    public func publish(_ event: OutgoingEvent) async throws(GerbangClientError) -> Receipt {
        try await publish([event])[0].get()
    }
}
