import Foundation

/// Where an agency's webhook listens: `http` or `https`, host, port, path.
///
/// `Sendable`: a value type of strings and integers.
public struct WebhookEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// Whether the webhook is reached over TLS.
    public let isTLS: Bool
    /// The host name or address.
    public let host: String
    /// The port (default 80 / 443).
    public let port: UInt16
    /// The path and query POSTed to.
    public let target: String

    /// Parses an `http://` or `https://` URL; nil when it is neither or has no host.
    public init?(url text: String) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else { return nil }
        isTLS = scheme == "https"
        self.host = host
        guard let port = UInt16(exactly: components.port ?? (isTLS ? 443 : 80)) else { return nil }
        self.port = port
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        target = path + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
    }

    public var description: String { "\(isTLS ? "https" : "http")://\(host):\(port)\(target)" }
}
