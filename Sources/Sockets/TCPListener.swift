#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP listening socket on an IPv4 address, for the small HTTP servers of Gerbang (the
/// broker's metrics, the HTTP gateway, the bank simulator) and their tests. The descriptor is
/// owned: it is closed in `deinit`.
///
/// Not `Sendable`: used by its accepting thread only (hand it over with a transfer box).
public final class TCPListener {
    /// The listening descriptor.
    public let descriptor: Int32
    /// The port actually bound (useful when 0 was asked for).
    public let port: UInt16

    /// Binds and listens on `host:port` (`host` a dotted IPv4 address, e.g. `127.0.0.1`; port 0
    /// picks a free one), with `SO_REUSEADDR`.
    public init(host: String, port: UInt16, backlog: Int32 = 64) throws(TCPListenerError) {
        #if canImport(Glibc)
        let streamType = Int32(SOCK_STREAM.rawValue)
        #else
        let streamType = SOCK_STREAM
        #endif
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw TCPListenerError("socket() failed, errno \(errno)") }
        var reuse: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            throw TCPListenerError("`\(host)` is not an IPv4 address")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, backlog) == 0 else {
            let code = errno
            close(fd)
            throw TCPListenerError("cannot listen on \(host):\(port), errno \(code)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        descriptor = fd
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    deinit { close(descriptor) }

    /// Waits up to `timeoutMilliseconds` for a connection; returns its descriptor (the caller
    /// owns and closes it) or nil.
    public func accept(timeoutMilliseconds: Int32) -> Int32? {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, timeoutMilliseconds) > 0 else { return nil }
        #if canImport(Glibc)
        let connection = Glibc.accept(descriptor, nil, nil)
        #else
        let connection = Darwin.accept(descriptor, nil, nil)
        #endif
        return connection >= 0 ? connection : nil
    }
}
