import Foundation

/// `gerbang adapters`: one connected adapter session.
///
/// `Sendable`: a value type.
public struct AdapterReport: Sendable, Hashable, Codable {
    /// The GMP session id.
    public var session: UInt64
    /// The agency (CURVE-authenticated).
    public var agency: String
    /// The adapter's name from HELLO.
    public var adapter: String
    /// The adapter's version from HELLO.
    public var version: String
    /// Seconds since the broker last heard from it.
    public var lastHeardSecondsAgo: Double
    /// Its credit.
    public var credit: Int
    /// Deliveries in flight.
    public var inFlight: Int
    /// Its granted subscriptions.
    public var subscriptions: [String]

    /// Creates a report.
    public init(session: UInt64, agency: String, adapter: String, version: String, lastHeardSecondsAgo: Double,
                credit: Int, inFlight: Int, subscriptions: [String]) {
        self.session = session
        self.agency = agency
        self.adapter = adapter
        self.version = version
        self.lastHeardSecondsAgo = lastHeardSecondsAgo
        self.credit = credit
        self.inFlight = inFlight
        self.subscriptions = subscriptions
    }
}
