/// Encodes and decodes u64s that travel in a frame of their own, big-endian: the PUBLISH tag
/// (exactly one) and ACK's further delivery ids (one or more, back to back).
enum NumberFrame {
    static func encode(_ value: UInt64) -> [UInt8] {
        encode(CollectionOfOne(value))
    }

    /// `values` back to back, 8 bytes each.
    static func encode(_ values: some Collection<UInt64>) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(8 * values.count)
        for value in values {
            var shift = 56
            while shift >= 0 {
                bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
                shift -= 8
            }
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8], field: String, frame: Int) throws(GMPProtocolError) -> UInt64 {
        guard bytes.count == 8 else {
            throw GMPProtocolError(.protocolMalformedFrame, frame: frame, "\(field) must be exactly 8 bytes, got \(bytes.count)")
        }
        return number(in: bytes, at: 0)
    }

    /// One or more u64s back to back; a frame that is empty or not a whole number of 8-byte
    /// values is `protocol.malformed-frame`.
    static func decodeList(_ bytes: [UInt8], field: String, frame: Int) throws(GMPProtocolError) -> [UInt64] {
        guard !bytes.isEmpty, bytes.count.isMultiple(of: 8) else {
            throw GMPProtocolError(.protocolMalformedFrame, frame: frame,
                                   "\(field) must be 8 bytes each, at least one; got \(bytes.count) bytes")
        }
        return stride(from: 0, to: bytes.count, by: 8).map { number(in: bytes, at: $0) }
    }

    private static func number(in bytes: [UInt8], at offset: Int) -> UInt64 {
        bytes[offset..<(offset + 8)].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
