import COpenSSL

/// An OpenSSL memory `BIO`: the channel through which PEM and DER data enter and leave OpenSSL.
///
/// The BIO owns a copy of the bytes written to it (`BIO_s_mem` grows its own buffer), so no Swift
/// buffer has to outlive a call. Freed with `BIO_free` in `deinit`.
///
/// Not `Sendable`: reading a BIO moves its read position (openssl-threads(7): "most objects are
/// not safe for simultaneous use"). Create one per operation.
final class MemoryBIO {
    /// The owned `BIO *`.
    let pointer: OpaquePointer

    /// An empty BIO to write into.
    init() throws(TrustError) {
        pointer = try ssl("BIO_new", BIO_new(BIO_s_mem()))
    }

    /// A BIO holding a copy of `bytes`, ready to be read.
    convenience init(bytes: some Collection<UInt8>) throws(TrustError) {
        try self.init()
        let written = Array(bytes).withUnsafeBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
            return BIO_write(pointer, base, Int32(buffer.count))
        }
        if bytes.count > 0, written != Int32(bytes.count) {
            throw TrustError(.internalError, OpenSSLError(call: "BIO_write"))
        }
    }

    deinit { BIO_free(pointer) }

    /// Everything written to the BIO and not yet read.
    var bytes: [UInt8] {
        var data: UnsafeMutablePointer<CChar>?
        let length = c_gerbang_ssl_bio_mem_data(pointer, &data)
        guard let data, length > 0 else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}
