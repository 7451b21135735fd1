import Foundation
import Store

/// Who this broker is in the cluster: its node id (`node.id`, or `<hostname>:<port>`) and the
/// incarnation of this run (random, new at every start).
///
/// `Sendable`: a value type.
struct NodeIdentity: Sendable, Hashable {
    /// The node's id.
    let id: NodeID
    /// This run of the node: 8 random hexadecimal digits.
    let incarnation: String

    /// The configured id, or `<hostname>:<port of boundEndpoint>` (characters a node id does not
    /// allow become `-`), with a fresh incarnation.
    init(settings: NodeSettings, boundEndpoint: String, hostName: String = ProcessInfo.processInfo.hostName) {
        if let configured = settings.id.flatMap({ NodeID(rawValue: $0) }) {
            id = configured
        } else {
            let port = boundEndpoint.split(separator: ":").last.map(String.init) ?? "0"
            let host = hostName.split(separator: ".").first.map(String.init) ?? hostName
            id = NodeID.sanitizing("\(host):\(port)")
        }
        incarnation = String(UInt32.random(in: 0...UInt32.max), radix: 16).leftPadded(to: 8)
    }

    /// The consumer id of one adapter session at this node: `<node>/<incarnation>/<agency>/<adapter>/<session>`.
    func consumer(agency: String, adapter: String, session: UInt64) -> ConsumerID {
        ConsumerID(node: id, incarnation: incarnation, name: "\(agency)/\(adapter)/\(session)")
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
