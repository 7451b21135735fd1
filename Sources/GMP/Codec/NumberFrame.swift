/// Encodes and decodes a u64 that travels in a frame of its own (the PUBLISH tag).
enum NumberFrame {
    static func encode(_ value: UInt64) -> [UInt8] {
        var writer = [UInt8]()
        writer.reserveCapacity(8)
        var shift = 56
        while shift >= 0 {
            writer.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            shift -= 8
        }
        return writer
    }

    static func decode(_ bytes: [UInt8], field: String, frame: Int) throws(GMPProtocolError) -> UInt64 {
        guard bytes.count == 8 else {
            throw GMPProtocolError(.protocolMalformedFrame, frame: frame, "\(field) must be exactly 8 bytes, got \(bytes.count)")
        }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
