import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The broker's own view of its queues, read from its Prometheus `/metrics` endpoint
/// (`gerbang_queue_depth{subscription,state}`, computed from the store at each scrape).
struct BrokerQueueDepth {
    /// Deliveries not yet acknowledged: `ready` + `inflight` + `waiting`, over every subscription.
    var pending: Int
    /// Dead-lettered deliveries, over every subscription.
    var dead: Int

    /// Scrapes `http://127.0.0.1:port/metrics` (HTTP/1.0, at most 5 s); nil when it fails.
    static func scrape(port: UInt16) -> BrokerQueueDepth? {
        guard let text = httpGet(port: port, path: "/metrics") else { return nil }
        var depth = BrokerQueueDepth(pending: 0, dead: 0)
        var found = false
        for line in text.split(separator: "\n") where line.hasPrefix("gerbang_queue_depth{") {
            guard let close = line.lastIndex(of: "}"),
                  let value = Int(line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)) else { continue }
            found = true
            let labels = line[..<close]
            if labels.contains("state=\"dead\"") {
                depth.dead += value
            } else {
                depth.pending += value
            }
        }
        return found ? depth : nil
    }

    /// The body of a GET on 127.0.0.1, or nil (connection refused, timeout, not 200).
    private static func httpGet(port: UInt16, path: String) -> String? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(descriptor, $0.baseAddress, $0.count, 0) }) == request.count else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
            if response.count > 16 << 20 { return nil }
        }
        let text = String(decoding: response, as: UTF8.self)
        guard text.hasPrefix("HTTP/1.0 200") || text.hasPrefix("HTTP/1.1 200"),
              let bodyStart = text.range(of: "\r\n\r\n") else { return nil }
        return String(text[bodyStart.upperBound...])
    }
}
