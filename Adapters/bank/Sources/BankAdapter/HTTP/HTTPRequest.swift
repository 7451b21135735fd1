/// An HTTP/1.1 request as the simulator's server reads it.
///
/// `Sendable`: a value type of strings and bytes.
public struct HTTPRequest: Sendable, Hashable {
    /// The method (`GET`, `POST`, …).
    public var method: String
    /// The request target (path and query).
    public var target: String
    /// Header fields, names lower-cased (a repeated field keeps its last value).
    public var headers: [String: String]
    /// The body (`Content-Length` bytes).
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, target: String, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }
}
