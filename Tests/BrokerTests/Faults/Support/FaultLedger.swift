import Foundation
import GMP
import GerbangTesting
import Testing

/// The books of a fault-injection test: the signed events (by index), every verdict the broker
/// gave them, and the sets the assertions compare ("every ACCEPTED event delivered").
/// Not `Sendable`: used on the test's one thread.
final class FaultLedger {
    let factory: TestEventFactory
    private(set) var events: [[UInt8]] = []
    private var indexOfBytes: [[UInt8]: Int] = [:]
    /// Event index → its sequence, for every event answered ACCEPTED (duplicates included).
    private(set) var accepted: [Int: UInt64] = [:]
    /// Event index → the reason of its latest REJECTED (removed once it is accepted).
    private(set) var rejected: [Int: String] = [:]
    /// Every REJECTED reason seen (with its specific code), in order.
    private(set) var rejections: [String] = []

    init(broker: BrokerProcess) throws {
        factory = try TestEventFactory(broker: broker)
    }

    /// Signs `count` new events (ids `<prefix>-<n>`) and returns their indices.
    func makeEvents(_ count: Int, prefix: String) throws -> [Int] {
        let signed = try factory.signedInParallel(count: count, idPrefix: prefix)
        let first = events.count
        for bytes in signed {
            indexOfBytes[bytes] = events.count
            events.append(bytes)
        }
        return Array(first..<events.count)
    }

    /// The index of delivered bytes, or nil for bytes never published.
    func index(of bytes: [UInt8]) -> Int? { indexOfBytes[bytes] }

    /// Records one answer; returns the event index it answered.
    @discardableResult
    func record(_ message: GMPMessage) throws -> Int {
        switch message {
        case .accepted(let answer):
            let index = Int(answer.tag)
            if let earlier = accepted[index] { #expect(earlier == answer.sequence, "an event keeps its sequence") }
            accepted[index] = answer.sequence
            rejected.removeValue(forKey: index)
            return index
        case .rejected(let answer):
            let index = Int(answer.tag)
            #expect(accepted[index] == nil, "an accepted event is never rejected later")
            rejected[index] = answer.reason.rawValue
            rejections.append("\(answer.reason.rawValue)/\(answer.specificCode)")
            return index
        default:
            throw BrokerTestError("not an answer: \(message)")
        }
    }

    /// Publishes `indices` (one PUBLISH per `batch`) and waits (bounded) for every answer.
    /// Returns the indices answered REJECTED in this call.
    @discardableResult
    func publish(_ indices: [Int], with publisher: AdapterClient, batch: Int = 100, timeout: TimeInterval = 60) throws -> [Int] {
        var pending = Set(indices)
        var refused: [Int] = []
        for start in stride(from: 0, to: indices.count, by: batch) {
            let slice = indices[start..<min(indices.count, start + batch)]
            try publisher.send(.publish(.init(events: slice.map { .init(tag: UInt64($0), event: events[$0]) })))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while !pending.isEmpty {
            guard Date() < deadline else { throw BrokerTestError("\(pending.count) publishes unanswered after \(timeout) s") }
            let answer = try publisher.receive()
            let index = try record(answer)
            guard pending.remove(index) != nil else { continue }
            if case .rejected = answer { refused.append(index) }
        }
        return refused
    }

    /// Publishes `indices` like an adapter that retries retryable rejections: again and again
    /// (with `pause` between rounds) until each is accepted or `timeout` passes. Returns how
    /// many rounds it took.
    @discardableResult
    func publishRetrying(_ indices: [Int], with publisher: AdapterClient, pause: TimeInterval = 0.2,
                         timeout: TimeInterval = 60) throws -> Int {
        var remaining = indices
        var rounds = 0
        let deadline = Date().addingTimeInterval(timeout)
        while !remaining.isEmpty {
            guard Date() < deadline else { throw BrokerTestError("\(remaining.count) events never accepted: \(rejected.values.prefix(3))") }
            rounds += 1
            remaining = try publish(remaining, with: publisher)
            if !remaining.isEmpty { Thread.sleep(forTimeInterval: pause) }
        }
        return rounds
    }
}

/// Bounded polling for the fault tests: runs `step` (draining sockets, sending heartbeats)
/// every few milliseconds until `done` holds or `timeout` passes; returns whether it held.
enum FaultPolling {
    @discardableResult
    static func until(timeout: TimeInterval, heartbeat clients: [AdapterClient] = [], step: () throws -> Void = {},
                      _ done: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var lastHeartbeat = Date.distantPast
        while Date() < deadline {
            try step()
            if try done() { return true }
            if Date().timeIntervalSince(lastHeartbeat) > 0.3 {
                for client in clients { try client.send(.heartbeat) }
                lastHeartbeat = Date()
            }
            usleep(10_000)
        }
        try step()
        return try done()
    }

    /// The metrics text of the broker (`GET /metrics`).
    static func metrics(_ broker: BrokerProcess) throws -> String {
        try HTTPGet.response(port: try #require(broker.metricsPort), path: "/metrics")
    }

    /// The value of one metrics line (`name{labels}`), or nil when it is absent.
    static func metric(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }
}
