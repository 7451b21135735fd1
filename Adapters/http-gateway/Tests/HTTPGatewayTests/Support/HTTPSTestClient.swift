import Foundation
@testable import HTTPGateway
import Trust

/// A test's HTTPS client: one request per connection over `TLSConnection`, with or without a
/// client certificate.
struct HTTPSTestClient {
    let port: UInt16
    let tls: TLSContext
    /// The name the server's certificate must match.
    var serverName = "127.0.0.1"

    /// A client trusting `anchors`, presenting `chain` with `key` when given.
    init(port: UInt16, anchors: [Certificate], chain: [Certificate] = [], key: PrivateKey? = nil) throws {
        self.port = port
        tls = try TLSContext.client(trustAnchors: anchors, certificateChain: chain, privateKey: key)
    }

    /// POSTs `body` to `/events` with `headers`; the response, or the error (handshake refused…).
    func post(_ body: [UInt8], headers: [(String, String)], path: String = "/events") throws -> HTTPResponse {
        let descriptor = try TCPSocket.connect(host: "127.0.0.1", port: port, timeoutMilliseconds: 10_000)
        let connection = try TLSConnection.connect(descriptor: descriptor, serverName: serverName, context: tls)
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        try connection.writeAll(Array(head.utf8) + body)
        var received: [UInt8] = []
        for _ in 0..<1_000 {
            let chunk = try connection.readBytes(maximumCount: 16_384)
            if let response = try HTTPResponseParser.parse(received + chunk, atEnd: chunk.isEmpty) { return response }
            received += chunk
        }
        throw HTTPParseError(.truncated, "no complete response")
    }

    /// POSTs a structured-mode event.
    func postStructured(_ event: String) throws -> HTTPResponse {
        try post(Array(event.utf8), headers: [("Content-Type", "application/cloudevents+json")])
    }
}

extension HTTPResponse {
    /// The body's JSON object member `name` as text (strings unquoted), or nil.
    func field(_ name: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any], let value = object[name] else { return nil }
        return "\(value)"
    }
}
