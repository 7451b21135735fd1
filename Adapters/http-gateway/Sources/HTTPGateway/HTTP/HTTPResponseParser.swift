/// Reads one HTTP/1.1 response (a webhook's answer): a status line, header fields, and a body of
/// `Content-Length` bytes or, without it, up to the end of the connection. Interim (1xx)
/// responses before the final one are skipped.
public enum HTTPResponseParser {
    /// Parses `bytes`; nil while more bytes are needed (`atEnd`: the peer closed the connection).
    public static func parse(_ bytes: [UInt8], atEnd: Bool, maxHeadBytes: Int = 16_384,
                             maxBodyBytes: Int = 1 << 20) throws(HTTPParseError) -> HTTPResponse? {
        var bytes = bytes
        while true {
            guard let head = try HTTPHeadParser.parse(bytes, maxHeadBytes: maxHeadBytes) else {
                if atEnd { throw HTTPParseError(.truncated, "the connection ended inside the response head") }
                return nil
            }
            let (version, statusText, _) = head.startLine
            guard version.hasPrefix("HTTP/1."), statusText.count == 3, let status = Int(statusText), (100...599).contains(status) else {
                throw HTTPParseError(.malformed, "invalid status line")
            }
            if (100..<200).contains(status) {
                bytes = Array(bytes[head.bodyStart...])
                continue
            }
            if let length = head.contentLength {
                guard length <= maxBodyBytes else { throw HTTPParseError(.bodyTooLarge, "the body exceeds \(maxBodyBytes) bytes") }
                guard bytes.count >= head.bodyStart + length else {
                    if atEnd { throw HTTPParseError(.truncated, "the connection ended inside the response body") }
                    return nil
                }
                return HTTPResponse(status: status, headers: head.headers, body: Array(bytes[head.bodyStart..<(head.bodyStart + length)]))
            }
            guard bytes.count - head.bodyStart <= maxBodyBytes else {
                throw HTTPParseError(.bodyTooLarge, "the body exceeds \(maxBodyBytes) bytes")
            }
            guard atEnd || status == 204 || status == 304 else { return nil }
            return HTTPResponse(status: status, headers: head.headers, body: Array(bytes[head.bodyStart...]))
        }
    }
}
