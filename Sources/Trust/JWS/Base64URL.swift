/// Base64 with the URL- and filename-safe alphabet and no padding (RFC 7515 §2, RFC 4648 §5),
/// and standard base64 (for `x5c`, RFC 7515 §4.1.6).
public enum Base64URL {
    private static let urlAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let standardAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let urlTable = decodingTable(urlAlphabet)
    private static let standardTable = decodingTable(standardAlphabet)

    /// Character → 6-bit value, 0xFF for characters outside the alphabet.
    private static func decodingTable(_ alphabet: [UInt8]) -> [UInt8] {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }

    /// Encodes `bytes` as unpadded base64url.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        encode(Array(bytes), alphabet: urlAlphabet, pad: false)
    }

    /// Decodes unpadded base64url strictly: any other character, padding, or non-zero trailing
    /// bits make it nil.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        decode(Array(text.utf8), table: urlTable, padded: false)
    }

    /// Encodes `bytes` as padded standard base64.
    public static func encodeStandard(_ bytes: some Collection<UInt8>) -> String {
        encode(Array(bytes), alphabet: standardAlphabet, pad: true)
    }

    /// Decodes padded standard base64 strictly.
    public static func decodeStandard(_ text: some StringProtocol) -> [UInt8]? {
        decode(Array(text.utf8), table: standardTable, padded: true)
    }

    private static func encode(_ bytes: [UInt8], alphabet: [UInt8], pad: Bool) -> String {
        let full = bytes.count / 3
        let rest = bytes.count - full * 3
        let length = full * 4 + (rest == 0 ? 0 : (pad ? 4 : rest + 1))
        guard length > 0 else { return "" }
        return String(unsafeUninitializedCapacity: length) { output in
            bytes.withUnsafeBufferPointer { input in
                alphabet.withUnsafeBufferPointer { alphabet in
                    var out = 0
                    var index = 0
                    for _ in 0..<full {
                        let value = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                        output[out] = alphabet[Int(value >> 18 & 63)]
                        output[out + 1] = alphabet[Int(value >> 12 & 63)]
                        output[out + 2] = alphabet[Int(value >> 6 & 63)]
                        output[out + 3] = alphabet[Int(value & 63)]
                        index += 3
                        out += 4
                    }
                    if rest > 0 {
                        let value = UInt32(input[index]) << 16 | (rest == 2 ? UInt32(input[index + 1]) << 8 : 0)
                        output[out] = alphabet[Int(value >> 18 & 63)]
                        output[out + 1] = alphabet[Int(value >> 12 & 63)]
                        if rest == 2 {
                            output[out + 2] = alphabet[Int(value >> 6 & 63)]
                        } else if pad {
                            output[out + 2] = UInt8(ascii: "=")
                        }
                        if pad { output[out + 3] = UInt8(ascii: "=") }
                    }
                }
            }
            return length
        }
    }

    private static func decode(_ input: [UInt8], table: [UInt8], padded: Bool) -> [UInt8]? {
        var text = input[...]
        if padded {
            guard text.count % 4 == 0 else { return nil }
            if text.last == UInt8(ascii: "=") { text = text.dropLast() }
            if text.last == UInt8(ascii: "=") { text = text.dropLast() }
        }
        guard text.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(text.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for character in text {
            let value = table[Int(character)]
            guard value != 0xFF else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        guard accumulator == 0 else { return nil } // non-canonical trailing bits
        return output
    }
}
