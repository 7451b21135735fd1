import COpenSSL

/// Runs an OpenSSL `i2d_*` function that allocates its output, and copies the bytes out.
func encodeDER(
    _ call: StaticString,
    _ encode: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>) -> Int32
) throws(TrustError) -> [UInt8] {
    var output: UnsafeMutablePointer<UInt8>?
    let length = encode(&output)
    guard length > 0, let output else { throw TrustError(.internalError, OpenSSLError(call: "\(call)")) }
    defer { c_gerbang_ssl_free(output) }
    return Array(UnsafeBufferPointer(start: output, count: Int(length)))
}
