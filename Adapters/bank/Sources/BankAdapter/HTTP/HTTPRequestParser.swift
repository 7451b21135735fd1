import Foundation

/// Reads one HTTP/1.1 request from the bytes received so far.
///
/// Only what the simulator needs: a request line, header fields, and a body of
/// `Content-Length` bytes (no chunked transfer coding: refused with `http.unsupported`).
public enum HTTPRequestParser {
    /// Why a request was refused.
    ///
    /// `Sendable`: a plain enum with a `String` raw value (a stable reason code).
    public enum Failure: String, Error, Sendable {
        /// The request line or a header field is malformed.
        case malformed = "http.malformed"
        /// The head or body is larger than allowed.
        case tooLarge = "http.too-large"
        /// A feature the server does not implement (chunked bodies).
        case unsupported = "http.unsupported"
    }

    /// The outcome of looking at the bytes received so far.
    public enum Progress: Sendable {
        /// More bytes are needed.
        case incomplete
        /// A whole request.
        case complete(HTTPRequest)
    }

    /// Parses `bytes`; `maxHeadBytes` bounds the request line and headers, `maxBodyBytes` the body.
    public static func parse(_ bytes: [UInt8], maxHeadBytes: Int = 16_384, maxBodyBytes: Int = 1 << 20) throws(Failure) -> Progress {
        guard let headEnd = find([13, 10, 13, 10], in: bytes) else {
            if bytes.count > maxHeadBytes { throw .tooLarge }
            return .incomplete
        }
        guard headEnd <= maxHeadBytes else { throw .tooLarge }
        guard let head = String(validating: bytes[..<headEnd], as: UTF8.self) else { throw .malformed }
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else { throw .malformed }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed }
            let name = line[..<colon].lowercased()
            guard !name.isEmpty, !name.contains(" ") else { throw .malformed }
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["transfer-encoding"] != nil { throw .unsupported }
        var length = 0
        if let text = headers["content-length"] {
            guard let value = Int(text), value >= 0 else { throw .malformed }
            length = value
        }
        guard length <= maxBodyBytes else { throw .tooLarge }
        let bodyStart = headEnd + 4
        guard bytes.count >= bodyStart + length else { return .incomplete }
        return .complete(HTTPRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
                                     body: Array(bytes[bodyStart..<(bodyStart + length)])))
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }
}
