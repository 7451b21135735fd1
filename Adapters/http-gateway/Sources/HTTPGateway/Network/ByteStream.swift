#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Trust

/// A connected, blocking byte stream: plain TCP or TLS. Reads and writes are bounded by the
/// socket's timeouts.
protocol ByteStream: AnyObject {
    /// Up to `maximumCount` bytes; empty when the peer closed the connection.
    func readBytes(maximumCount: Int) throws(ByteStreamError) -> [UInt8]
    /// Writes all of `bytes`.
    func writeAll(_ bytes: [UInt8]) throws(ByteStreamError)
}

/// Why a read or write failed. `Sendable`: a value type.
struct ByteStreamError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the socket's timeout expired (otherwise the connection failed).
    let timedOut: Bool
    /// What happened.
    let message: String

    var description: String { message }
}

/// A plain TCP connection, owning its descriptor (closed in `deinit`). Not `Sendable`: one thread.
final class PlainConnection: ByteStream {
    let descriptor: Int32

    init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    func readBytes(maximumCount: Int) throws(ByteStreamError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maximumCount)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count >= 0 { return Array(buffer[0..<count]) }
        let code = errno
        throw ByteStreamError(timedOut: code == EAGAIN || code == EWOULDBLOCK, message: "recv failed, errno \(code)")
    }

    func writeAll(_ bytes: [UInt8]) throws(ByteStreamError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else {
                let code = errno
                throw ByteStreamError(timedOut: code == EAGAIN || code == EWOULDBLOCK, message: "send failed, errno \(code)")
            }
            offset += sent
        }
    }
}

extension TLSConnection: ByteStream {
    func readBytes(maximumCount: Int) throws(ByteStreamError) -> [UInt8] {
        do {
            return try read(maximumCount: maximumCount)
        } catch {
            throw ByteStreamError(timedOut: error.reason == .timeout, message: error.description)
        }
    }

    func writeAll(_ bytes: [UInt8]) throws(ByteStreamError) {
        do {
            try write(bytes)
        } catch {
            throw ByteStreamError(timedOut: error.reason == .timeout, message: error.description)
        }
    }
}
