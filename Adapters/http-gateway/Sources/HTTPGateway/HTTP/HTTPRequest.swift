import Foundation

/// An HTTP/1.1 request as the gateway reads it.
///
/// `Sendable`: a value type of strings and bytes.
public struct HTTPRequest: Sendable, Hashable {
    /// The method (`POST`, …).
    public var method: String
    /// The request target (path and query).
    public var target: String
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body (`Content-Length` bytes).
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, target: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The path of the target, without the query.
    public var path: String { String(target.prefix(while: { $0 != "?" })) }

    /// The media type of `Content-Type`, lower-cased and without parameters (`application/json`).
    public var mediaType: String? {
        headers["content-type"].map { $0.split(separator: ";", maxSplits: 1).first.map(String.init) ?? "" }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}
