import Foundation

/// The part of HTTP/1.1 message parsing that requests and responses share: finding the end of
/// the head, splitting the start line and the header fields (RFC 9112 §2–§5), and the body length.
enum HTTPHeadParser {
    /// A parsed head: the start line's three parts, the fields, and where the body starts.
    struct Head {
        var startLine: (String, String, String)
        var headers: HTTPHeaders
        var bodyStart: Int
        /// `Content-Length`, when present.
        var contentLength: Int?
    }

    /// The head at the start of `bytes`, nil while incomplete.
    static func parse(_ bytes: [UInt8], maxHeadBytes: Int) throws(HTTPParseError) -> Head? {
        guard let end = headEnd(bytes) else {
            if bytes.count > maxHeadBytes { throw HTTPParseError(.headTooLarge, "the head exceeds \(maxHeadBytes) bytes") }
            return nil
        }
        guard end <= maxHeadBytes else { throw HTTPParseError(.headTooLarge, "the head exceeds \(maxHeadBytes) bytes") }
        guard let text = String(validating: bytes[..<end], as: UTF8.self) else {
            throw HTTPParseError(.malformed, "the head is not UTF-8")
        }
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        let start = lines.removeFirst().split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard start.count == 3, !start[0].isEmpty, !start[1].isEmpty else {
            throw HTTPParseError(.malformed, "the start line is not three parts separated by spaces")
        }
        var headers = HTTPHeaders()
        for line in lines {
            guard let first = line.first, first != " ", first != "\t" else {
                throw HTTPParseError(.malformed, "folded or empty header lines are not accepted")
            }
            guard let colon = line.firstIndex(of: ":") else { throw HTTPParseError(.malformed, "a header line has no colon") }
            let name = line[..<colon]
            guard name.allSatisfy(isTokenCharacter) else { throw HTTPParseError(.malformed, "invalid header name") }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !value.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw HTTPParseError(.malformed, "invalid character in the value of \(name)")
            }
            headers.add(String(name), value)
        }
        if !headers.values("transfer-encoding").isEmpty {
            throw HTTPParseError(.unsupported, "Transfer-Encoding is not supported; send Content-Length")
        }
        let lengths = Set(headers.values("content-length").flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
        var contentLength: Int?
        if !lengths.isEmpty {
            guard lengths.count == 1, let text = lengths.first, text.allSatisfy(\.isASCII), let value = Int(text), value >= 0 else {
                throw HTTPParseError(.malformed, "invalid Content-Length")
            }
            contentLength = value
        }
        return Head(startLine: (String(start[0]), String(start[1]), String(start[2])), headers: headers,
                    bodyStart: end + 4, contentLength: contentLength)
    }

    /// The index of the CRLF CRLF ending the head.
    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// RFC 9110 §5.6.2 `tchar`.
    static func isTokenCharacter(_ character: Character) -> Bool {
        guard character.isASCII, let ascii = character.asciiValue else { return false }
        if character.isLetter || character.isNumber { return true }
        return "!#$%&'*+-.^_`|~".utf8.contains(ascii)
    }
}
