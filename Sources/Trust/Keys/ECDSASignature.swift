import COpenSSL

/// Conversion between OpenSSL's DER `ECDSA-Sig-Value` and JWS's fixed-size `R || S` form.
///
/// RFC 7518 §3.4: "the JWS Signature value [is] the concatenation of the two octet sequences"
/// R and S, each 32 bytes for P-256, big-endian, left-padded with zeros.
enum ECDSASignature {
    /// Bytes of R (and of S) for P-256.
    static let coordinateSize = 32

    /// Converts a DER signature made by OpenSSL to 64-byte `R || S`.
    static func raw(fromDER der: [UInt8]) throws(TrustError) -> [UInt8] {
        let signature = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
        }
        let owned = try ssl("d2i_ECDSA_SIG", signature)
        defer { ECDSA_SIG_free(owned) }
        var output = [UInt8](repeating: 0, count: 2 * coordinateSize)
        guard let r = ECDSA_SIG_get0_r(owned), let s = ECDSA_SIG_get0_s(owned) else {
            throw TrustError(.internalError, OpenSSLError(call: "ECDSA_SIG_get0"))
        }
        let written = output.withUnsafeMutableBufferPointer { buffer in
            (BN_bn2binpad(r, buffer.baseAddress, Int32(coordinateSize)),
             BN_bn2binpad(s, buffer.baseAddress! + coordinateSize, Int32(coordinateSize)))
        }
        guard written.0 == Int32(coordinateSize), written.1 == Int32(coordinateSize) else {
            throw TrustError(.internalError, OpenSSLError(call: "BN_bn2binpad"))
        }
        return output
    }

    /// Converts 64-byte `R || S` to DER for OpenSSL; anything but 64 bytes is a bad signature.
    ///
    /// Encoded directly (it runs once per verification): `SEQUENCE { INTEGER r, INTEGER s }`, each
    /// INTEGER minimal and positive (RFC 3279 §2.2.3, X.690 §8.3).
    static func der(fromRaw raw: [UInt8]) throws(TrustError) -> [UInt8] {
        guard raw.count == 2 * coordinateSize else {
            throw TrustError(.badSignature, "an ES256 signature has \(2 * coordinateSize) bytes, this one has \(raw.count)")
        }
        let r = integer(raw[0..<coordinateSize])
        let s = integer(raw[coordinateSize...])
        return [0x30, UInt8(r.count + s.count)] + r + s // at most 2 × 35 bytes: short-form length
    }

    /// A DER INTEGER holding the unsigned big-endian `magnitude`.
    private static func integer(_ magnitude: ArraySlice<UInt8>) -> [UInt8] {
        var digits = magnitude.drop(while: { $0 == 0 })
        if digits.isEmpty { digits = [0][...] }
        let pad = digits.first! & 0x80 != 0
        return [0x02, UInt8(digits.count + (pad ? 1 : 0))] + (pad ? [0] : []) + digits
    }
}
