/// Shared length checks and Z85 conversion of CURVE keys.
enum CurveKeyBytes {
    static let count = 32

    static func validate(_ bytes: [UInt8], call: String) throws(ZMQError) -> [UInt8] {
        guard bytes.count == count else {
            throw ZMQError(
                reason: .invalidCurveKey, call: call,
                message: "a CURVE key is \(count) bytes; got \(bytes.count)")
        }
        return bytes
    }

    static func decode(_ z85: String, call: String) throws(ZMQError) -> [UInt8] {
        guard z85.utf8.count == count / 4 * 5 else {
            throw ZMQError(
                reason: .invalidCurveKey, call: call,
                message: "a Z85 CURVE key is \(count / 4 * 5) characters; got \(z85.utf8.count)")
        }
        return try Z85.decode(z85)
    }

    static func encode(_ bytes: [UInt8]) -> String {
        // 32 bytes is a multiple of 4, so encoding cannot fail.
        (try? Z85.encode(bytes)) ?? ""
    }
}
