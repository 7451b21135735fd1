import Admin
import Foundation

/// A `gerbang tail` that connects and then reads nothing (the slow operator), through the same
/// `AdminClient` the CLI uses, with a small receive queue. After the phase it drains and counts
/// what it got and what the broker says it missed. Not `Sendable`: a socket.
final class StalledTail {
    private let client: AdminClient

    /// Connects as the development `admin` operator and starts a tail with no filter.
    init(broker: TailCostBroker, receiveQueue: Int32) throws {
        let credentials = try OperatorCredentials.load(
            endpoint: broker.adminEndpoint,
            keyPath: broker.dataDirectory.appendingPathComponent("curve/operators/admin.key").path,
            serverKey: broker.publicKey)
        client = try AdminClient(credentials: credentials, timeoutMilliseconds: 10_000, receiveQueue: receiveQueue)
        _ = try client.request(AdminRequest(action: .tail))
    }

    /// Reads until the broker's missed-lines notice has come and nothing more arrives for 3 s
    /// (at most 120 s); returns (lines received, lines the broker says were missed).
    func drain() throws -> (received: Int, missed: Int) {
        var received = 0, missed = 0
        var toldMissed = false
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            guard let reply = try client.receive(timeoutMilliseconds: 3_000) else {
                if toldMissed { break }
                continue
            }
            switch reply.kind {
            case .line: received += 1
            case .missed:
                if let count = reply.missed, count > 0 {
                    missed += count
                    toldMissed = true
                }
            default: break
            }
        }
        try? client.send(AdminRequest(action: .tailStop))
        return (received, missed)
    }
}
