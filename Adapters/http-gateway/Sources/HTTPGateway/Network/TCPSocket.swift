#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Helpers for connected TCP sockets: connecting with a timeout, and the send/receive timeouts
/// that bound every blocking read and write.
enum TCPSocket {
    #if canImport(Glibc)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    #else
    static let streamType = SOCK_STREAM
    #endif

    /// Sets `SO_RCVTIMEO` and `SO_SNDTIMEO` of `descriptor` to `milliseconds`.
    static func setTimeouts(_ descriptor: Int32, milliseconds: Int) {
        var timeout = timeval(tv_sec: milliseconds / 1000, tv_usec: .init((milliseconds % 1000) * 1000))
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// A socket connected to `host:port` (the first address that accepts), with its timeouts set
    /// to `timeoutMilliseconds` (on Linux `SO_SNDTIMEO` bounds `connect` too). The caller owns it.
    static func connect(host: String, port: UInt16, timeoutMilliseconds: Int) throws(SocketError) -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = streamType
        hints.ai_family = AF_UNSPEC
        var results: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &results)
        guard status == 0, let first = results else {
            throw SocketError(.resolve, "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }
        var lastErrno: Int32 = 0
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            cursor = entry.pointee.ai_next
            let fd = socket(entry.pointee.ai_family, entry.pointee.ai_socktype, entry.pointee.ai_protocol)
            guard fd >= 0 else { lastErrno = errno; continue }
            setTimeouts(fd, milliseconds: timeoutMilliseconds)
            #if canImport(Glibc)
            let connected = Glibc.connect(fd, entry.pointee.ai_addr, entry.pointee.ai_addrlen)
            #else
            let connected = Darwin.connect(fd, entry.pointee.ai_addr, entry.pointee.ai_addrlen)
            #endif
            if connected == 0 { return fd }
            lastErrno = errno
            close(fd)
        }
        throw SocketError(.connect, "cannot connect to \(host):\(port), errno \(lastErrno)")
    }
}
