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
