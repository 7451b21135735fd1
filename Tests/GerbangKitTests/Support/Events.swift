import Envelope
import Foundation
import Logging
import GerbangKit

extension TestBroker {
    /// The example event of `type` with a fresh (or given) id, optionally edited, unsigned.
    static func exampleEvent(_ type: String = "population.death.registered", id: String = UUID().uuidString,
                             edit: (String) -> String = { $0 }) throws -> CloudEvent {
        let url = repositoryRoot.appendingPathComponent("Config/examples/\(type).json")
        var event = try CloudEvent(parsing: edit(try String(contentsOf: url, encoding: .utf8)))
        try event.setAttribute("id", to: .string(id))
        try event.setAttribute("time", to: .string(Date().formatted(.iso8601)))
        return event
    }
}

/// Collects the deliveries of a stream so that tests can wait for them with a timeout.
actor DeliveryInbox {
    private var received: [Delivery] = []
    private var task: Task<Void, Never>?

    /// Starts collecting `stream`.
    static func collecting(_ stream: DeliveryStream) async -> DeliveryInbox {
        let inbox = DeliveryInbox()
        await inbox.start(stream)
        return inbox
    }

    private func start(_ stream: DeliveryStream) {
        task = Task { [weak self] in
            for await delivery in stream { await self?.append(delivery) }
        }
    }

    private func append(_ delivery: Delivery) { received.append(delivery) }

    /// The next delivery, waiting at most `timeout`.
    func next(timeout: Duration = .seconds(10)) async throws -> Delivery {
        let deadline = ContinuousClock.now + timeout
        while received.isEmpty {
            guard ContinuousClock.now < deadline else { throw TestFailure("no delivery within \(timeout)") }
            try await Task.sleep(for: .milliseconds(10))
        }
        return received.removeFirst()
    }

    /// How many deliveries arrived and were not taken yet, after waiting `period`.
    func pending(after period: Duration) async throws -> Int {
        try await Task.sleep(for: period)
        return received.count
    }

    /// Stops collecting.
    func stop() { task?.cancel() }
}

/// The tests' client logger: warnings and worse only.
let testLogger: Logger = {
    var logger = Logger(label: "test.kit")
    logger.logLevel = .warning
    return logger
}()
