import Trust

/// The hash chain: `hash_n = SHA-256(hash_{n-1} || encoding_n)`, with `hash_0` = 32 zero bytes
/// (or, after retention, the anchor's previous hash). SHA-256 is OpenSSL's, through `Trust`.
///
/// `Sendable`: a namespace without state.
public enum AuditChain {
    /// The hash before the first record ever written: 32 zero bytes.
    public static let genesis = [UInt8](repeating: 0, count: SHA256.byteCount)

    /// The hash of the record with `encoding` following a record whose hash is `previous`.
    public static func link(previous: [UInt8], encoding: [UInt8]) -> [UInt8] {
        sha256(previous + encoding)
    }

    /// SHA-256 of `bytes` (the chain's links, and the digest an accepted event's record carries).
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        do {
            return try SHA256.hash(bytes)
        } catch {
            // EVP_Digest with a fetched SHA-256 fails only when OpenSSL cannot allocate memory.
            fatalError("SHA-256 failed in OpenSSL: \(error)")
        }
    }

    /// Lowercase hexadecimal of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of lowercase or uppercase hexadecimal `text`, nil if it is not hexadecimal.
    public static func bytes(hex text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count.isMultiple(of: 2) else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = nibble(characters[index]), let low = nibble(characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
