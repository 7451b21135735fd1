#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection that never sends a byte (not even the ZMTP greeting). Owns its
/// descriptor: closed in `deinit`. Not `Sendable`: used on the test's thread.
final class SilentTCPConnection {
    private let descriptor: Int32

    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BrokerTestError("socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        _ = inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw BrokerTestError("connect failed") }
    }

    /// Reads what is waiting without blocking (the broker's ZMTP greeting); true once the broker
    /// has closed the connection (end of file or reset).
    func isClosedByPeer() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 512)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 { continue }
            if count == 0 { return true }
            return errno != EAGAIN && errno != EWOULDBLOCK
        }
    }

    deinit { close(descriptor) }
}
