#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The remote address of a connected socket (`getpeername(2)`), as raw `sockaddr` bytes:
/// compared, never interpreted. `Sendable`: bytes.
///
/// The broker reads it for each connection the ROUTER's monitor reports accepted, and again just
/// before it shuts an idle connection down (``BrokerLoop/closeIdleConnections()``): a descriptor
/// that was closed and reused for another connection in between has another peer address, and is
/// left alone.
struct PeerAddress: Hashable, Sendable {
    let bytes: [UInt8]

    /// The peer of `descriptor`, or nil when it is not a connected socket (any more).
    init?(descriptor: Int32) {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        bytes = withUnsafeBytes(of: &storage) { Array($0.prefix(Int(length))) }
    }

    /// An address from raw bytes (tests).
    init(bytes: [UInt8]) {
        self.bytes = bytes
    }
}
