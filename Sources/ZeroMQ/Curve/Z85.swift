/// Z85 (ZeroMQ RFC 32): the printable encoding of CURVE keys — every 4 bytes become 5 characters
/// from an 85-character alphabet, big-endian. Implemented in Swift; the tests check it agrees with
/// libzmq's `zmq_z85_encode`/`zmq_z85_decode`.
public enum Z85 {
    private static let alphabet = Array(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)

    /// Character value → digit, `0xFF` for characters outside the alphabet.
    private static let digits: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (digit, character) in alphabet.enumerated() { table[Int(character)] = UInt8(digit) }
        return table
    }()

    /// Encodes `bytes`, whose count must be a multiple of 4.
    /// - Throws: ``ZMQError/Reason/invalidZ85`` for any other length.
    public static func encode(_ bytes: some Collection<UInt8>) throws(ZMQError) -> String {
        let bytes = Array(bytes)
        guard bytes.count % 4 == 0 else {
            throw ZMQError(
                reason: .invalidZ85, call: "Z85.encode",
                message: "Z85 encodes multiples of 4 bytes; got \(bytes.count)")
        }
        var text = [UInt8]()
        text.reserveCapacity(bytes.count / 4 * 5)
        for start in stride(from: 0, to: bytes.count, by: 4) {
            var value = UInt32(bytes[start]) << 24 | UInt32(bytes[start + 1]) << 16
            value |= UInt32(bytes[start + 2]) << 8 | UInt32(bytes[start + 3])
            var chunk = [UInt8](repeating: 0, count: 5)
            for position in stride(from: 4, through: 0, by: -1) {
                chunk[position] = alphabet[Int(value % 85)]
                value /= 85
            }
            text.append(contentsOf: chunk)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Decodes Z85 `text`, whose length must be a multiple of 5.
    /// - Throws: ``ZMQError/Reason/invalidZ85`` for another length, a character outside the
    ///   alphabet, or a 5-character group above 2³² − 1.
    public static func decode(_ text: String) throws(ZMQError) -> [UInt8] {
        let characters = Array(text.utf8)
        guard characters.count % 5 == 0 else {
            throw ZMQError(
                reason: .invalidZ85, call: "Z85.decode",
                message: "Z85 text has a multiple of 5 characters; got \(characters.count)")
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(characters.count / 5 * 4)
        for start in stride(from: 0, to: characters.count, by: 5) {
            var value: UInt64 = 0
            for offset in 0..<5 {
                let digit = digits[Int(characters[start + offset])]
                guard digit != 0xFF else {
                    throw ZMQError(
                        reason: .invalidZ85, call: "Z85.decode",
                        message: "character \(start + offset) is not in the Z85 alphabet")
                }
                value = value * 85 + UInt64(digit)
            }
            guard value <= UInt64(UInt32.max) else {
                throw ZMQError(
                    reason: .invalidZ85, call: "Z85.decode",
                    message: "group at character \(start) exceeds 32 bits")
            }
            bytes.append(contentsOf: [
                UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
                UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
            ])
        }
        return bytes
    }
}
