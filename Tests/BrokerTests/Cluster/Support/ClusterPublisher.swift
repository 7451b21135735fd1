import Foundation
import GMP

/// A publisher of the cluster test: publishes its share of the events to one node with at most
/// `window` unanswered, records the answers, and fails over to another node (HELLO there, then
/// publishes again what the first left unanswered). Not `Sendable`: used on the test's one thread.
struct ClusterPublisher {
    private(set) var client: AdapterClient
    /// The node it publishes to now (1-based).
    private(set) var node: Int
    /// Event indexes still to publish, in order.
    private var queue: [Int]
    private var cursor = 0
    /// The answers so far, and what is published but unanswered.
    private var answers = PublishAnswers()
    private let window: Int
    private let batch: Int

    init(broker: BrokerProcess, node: Int, queue: [Int], window: Int = 300, batch: Int = 50) throws {
        client = try AdapterClient(broker: broker, agency: "dukcapil")
        try client.hello(agency: "dukcapil", adapter: "main")
        self.node = node
        self.queue = queue
        self.window = window
        self.batch = batch
    }

    /// Published, not yet answered.
    var pending: Set<Int> { answers.pending }
    /// Event index → sequence of its ACCEPTED.
    var accepted: [Int: UInt64] { answers.accepted }
    /// Event index → reason of its REJECTED.
    var rejected: [Int: String] { answers.rejected }
    var duplicates: Int { answers.duplicates }
    var answered: Int { answers.answered }

    /// Every event published and answered.
    var isFinished: Bool { cursor == queue.count && pending.isEmpty }

    /// Publishes until `window` events are unanswered.
    mutating func publishUpToWindow(_ events: [[UInt8]]) throws {
        while pending.count < window && cursor < queue.count {
            let slice = queue[cursor..<min(queue.count, cursor + batch)]
            cursor += slice.count
            answers.pending.formUnion(slice)
            try client.send(.publish(.init(events: slice.map { .init(tag: UInt64($0), event: events[$0]) })))
        }
    }

    /// Reads every answer waiting.
    mutating func drain() throws {
        for _ in 0..<10_000 {
            guard let message = try client.receiveIfAvailable() else { return }
            guard answers.record(message) else { throw BrokerTestError("publisher at node-\(node) received \(message)") }
        }
    }

    /// A new session at `broker`; the unanswered events are published again first (same bytes,
    /// same id: the de-duplication answers those node 3 had stored ACCEPTED duplicate).
    mutating func failOver(to broker: BrokerProcess, node: Int) throws {
        client = try AdapterClient(broker: broker, agency: "dukcapil")
        self.node = node
        try client.hello(agency: "dukcapil", adapter: "main")
        queue = Array(pending) + queue[cursor...]
        cursor = 0
        answers.pending.removeAll()
    }
}
