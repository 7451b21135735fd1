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
