import COpenSSL

/// A failed OpenSSL call: the C function's name and the text of this thread's OpenSSL error queue
/// at the moment it failed (the queue is drained, so the next failure starts clean).
///
/// `Sendable`: plain strings.
public struct OpenSSLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The OpenSSL function that failed, e.g. `"EVP_DigestSignInit"`.
    public let call: String
    /// The drained error queue, oldest first, in OpenSSL's `error:...:reason` form (may be empty).
    public let queue: [String]

    /// Captures the error queue of the calling thread for a failure of `call`.
    public init(call: String) {
        self.call = call
        self.queue = OpenSSLError.drainQueue()
    }

    public var description: String {
        queue.isEmpty ? "\(call) failed" : "\(call) failed: \(queue.joined(separator: "; "))"
    }

    /// Empties this thread's OpenSSL error queue, returning its entries as text.
    static func drainQueue() -> [String] {
        var entries: [String] = []
        while entries.count < 16 {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            entries.append(String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        ERR_clear_error()
        return entries
    }
}

/// Checks the result of an OpenSSL call that returns 1 on success (the common convention), right
/// after the call: anything else throws a `TrustError` with `reason` (by default
/// `trust.internal`) carrying an `OpenSSLError` that names `call` and the drained error queue.
@inline(__always)
func ssl(_ call: StaticString, _ result: Int32, as reason: TrustReason = .internalError) throws(TrustError) {
    if result != 1 { throw TrustError(reason, OpenSSLError(call: "\(call)")) }
}

/// Checks the result of an OpenSSL call that returns a pointer: `nil` throws like `ssl(_:_:as:)`.
@inline(__always)
func ssl<Pointer>(_ call: StaticString, _ result: Pointer?, as reason: TrustReason = .internalError) throws(TrustError) -> Pointer {
    guard let result else { throw TrustError(reason, OpenSSLError(call: "\(call)")) }
    return result
}
