#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A minimal, blocking HTTP/1.0 GET against 127.0.0.1 (the broker's metrics, the bank
/// simulator's statistics), for tests on plain threads: no URLSession, a 5 s receive timeout,
/// at most 1 MiB read.
///
/// `Sendable`: a namespace without state.
public enum HTTPGet {
    /// The whole response (status line, headers, body).
    public static func response(port: UInt16, path: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw GerbangTestingError("socket failed: errno \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        _ = inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw GerbangTestingError("connect to 127.0.0.1:\(port) failed: errno \(errno)") }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while response.count < 1 << 20 {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            response += buffer[0..<count]
        }
        return String(decoding: response, as: UTF8.self)
    }

    /// The response body (after the blank line ending the headers).
    public static func body(port: UInt16, path: String) throws -> String {
        let text = try response(port: port, path: path)
        guard let split = text.range(of: "\r\n\r\n") else { throw GerbangTestingError("no HTTP response from 127.0.0.1:\(port)") }
        return String(text[split.upperBound...])
    }

    /// The value of the Prometheus sample line `name value` in `text`, or 0 when absent.
    public static func metric(_ name: String, in text: String) -> Double {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.split(separator: " ").last ?? "") ?? 0
        }
        return 0
    }
}
