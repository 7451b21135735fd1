/// Reads the fixed-width fields of a header frame, big-endian, in offset order. The frame's
/// length has been checked against its command's exact header length before reading starts.
struct HeaderReader {
    private let bytes: [UInt8]
    private var offset = GMPProtocol.prefixLength

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads the next big-endian integer of type `T`.
    mutating func read<T: FixedWidthInteger & UnsignedInteger>(_: T.Type = T.self) -> T {
        var value: T = 0
        for byte in bytes[offset..<offset + T.bitWidth / 8] {
            value = value << 8 | T(byte)
        }
        offset += T.bitWidth / 8
        return value
    }
}

/// Builds a header frame: the prefix, then fixed-width fields appended big-endian.
struct HeaderWriter {
    private(set) var bytes: [UInt8]

    init(command: GMPCommand) {
        bytes = GMPProtocol.signature
        bytes.reserveCapacity(command.headerLength)
        bytes.append(GMPProtocol.version)
        bytes.append(command.rawValue)
    }

    /// Appends `value` big-endian.
    mutating func write<T: FixedWidthInteger & UnsignedInteger>(_ value: T) {
        var shift = T.bitWidth - 8
        while shift >= 0 {
            bytes.append(UInt8(truncatingIfNeeded: value >> shift))
            shift -= 8
        }
    }
}

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
