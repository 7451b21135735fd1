import Admin
import Foundation

extension BrokerLoop {
    /// The connected sessions for `gerbang adapters` (on the loop thread, which owns them).
    func adapterReports() -> [AdapterReport] {
        let now = clock.now
        return sessions.values.sorted { $0.id < $1.id }.map { session in
            let silence = now - session.heartbeat.lastReceived
            return AdapterReport(
                session: session.id, agency: session.agency, adapter: session.adapter, version: session.adapterVersion,
                lastHeardSecondsAgo: Double(silence.components.seconds) + Double(silence.components.attoseconds) / 1e18,
                credit: session.credit, inFlight: session.inFlight.count, subscriptions: session.subscriptions.map(\.id))
        }
    }
}

extension BrokerSession {
    /// `agency/adapter`, as tail lines name a subscriber.
    var subscriber: String { "\(agency)/\(adapter)" }
}
