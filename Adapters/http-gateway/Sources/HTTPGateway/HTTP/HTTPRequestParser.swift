/// Reads one HTTP/1.1 request from the bytes received so far: a request line in origin form,
/// header fields, and a body of `Content-Length` bytes. Transfer codings (chunked) are refused
/// with `http.unsupported`; every size is bounded.
public enum HTTPRequestParser {
    /// The outcome of looking at the bytes received so far. `Sendable` value.
    public enum Progress: Sendable, Hashable {
        /// More bytes are needed; `headComplete` once the head is in, and `expectsContinue` when
        /// the client waits for `100 Continue` before sending its body.
        case incomplete(headComplete: Bool, expectsContinue: Bool)
        /// A whole request.
        case complete(HTTPRequest)
    }

    /// Parses `bytes`; `maxHeadBytes` bounds the request line and headers, `maxBodyBytes` the body.
    public static func parse(_ bytes: [UInt8], maxHeadBytes: Int, maxBodyBytes: Int) throws(HTTPParseError) -> Progress {
        guard let head = try HTTPHeadParser.parse(bytes, maxHeadBytes: maxHeadBytes) else {
            return .incomplete(headComplete: false, expectsContinue: false)
        }
        let (method, target, version) = head.startLine
        guard method.allSatisfy(HTTPHeadParser.isTokenCharacter) else { throw HTTPParseError(.malformed, "invalid method") }
        guard target.hasPrefix("/"), !target.contains(where: { $0 == " " || !$0.isASCII }) else {
            throw HTTPParseError(.malformed, "the request target must be a path")
        }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw HTTPParseError(.malformed, "unsupported HTTP version") }
        let length = head.contentLength ?? 0
        guard length <= maxBodyBytes else { throw HTTPParseError(.bodyTooLarge, "the body exceeds \(maxBodyBytes) bytes") }
        guard bytes.count >= head.bodyStart + length else {
            let expects = head.headers["expect"]?.lowercased() == "100-continue"
            return .incomplete(headComplete: true, expectsContinue: expects)
        }
        return .complete(HTTPRequest(method: method, target: target, headers: head.headers,
                                     body: Array(bytes[head.bodyStart..<(head.bodyStart + length)])))
    }
}
