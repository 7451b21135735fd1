#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// TCP ports on 127.0.0.1 for the servers a test starts.
///
/// `Sendable`: a namespace without state.
public enum LocalPort {
    /// A port on 127.0.0.1 that is free now: bound with port 0, read back, closed. Another process
    /// may take it before the caller binds it; tests use it for a server that must keep its port
    /// across restarts.
    public static func free() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw GerbangTestingError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        _ = inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw GerbangTestingError("no free port on 127.0.0.1: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }
}
