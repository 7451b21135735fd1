/// The canonical byte encoding of an audit record (`docs/audit.md`, "Record encoding"):
///
/// ```
/// "GAR1"                       4 bytes, ASCII magic and format version
/// index                        8 bytes, unsigned big-endian (first record: 1)
/// kind length, kind            1 byte, then that many ASCII bytes (e.g. "event.accepted")
/// time                         8 bytes, signed big-endian, milliseconds since the Unix epoch
/// field count                  2 bytes, unsigned big-endian
/// each field: name length, name, value length, value
///                              1 byte, ASCII name; 4 bytes unsigned big-endian, value bytes
/// ```
///
/// Nothing follows the last field. Decoding is strict: a short, long or otherwise invalid
/// encoding is `audit.malformed-record`. `Sendable`: a namespace without state.
public enum AuditEncoding {
    /// The magic and version prefix.
    public static let magic: [UInt8] = Array("GAR1".utf8)

    /// The encoding of `entry` as record `index`.
    ///
    /// Written into one buffer reserved at its exact size: the store writer encodes a record per
    /// accepted event and per batch of acknowledgements.
    public static func encode(_ entry: AuditEntry, index: Int64) -> [UInt8] {
        let kind = entry.kind.rawValue.utf8
        var size = magic.count + 8 + 1 + kind.count + 8 + 2
        for field in entry.fields { size += 1 + min(field.name.utf8.count, 255) + 4 + field.value.count }
        var bytes = [UInt8]()
        bytes.reserveCapacity(size)
        bytes.append(contentsOf: magic)
        append(UInt64(bitPattern: index), bytes: 8, to: &bytes)
        bytes.append(UInt8(kind.count))
        bytes.append(contentsOf: kind)
        append(UInt64(bitPattern: entry.timeMilliseconds), bytes: 8, to: &bytes)
        append(UInt64(entry.fields.count), bytes: 2, to: &bytes)
        for field in entry.fields {
            let name = field.name.utf8
            if name.count <= 255 {
                bytes.append(UInt8(name.count))
                bytes.append(contentsOf: name)
            } else {
                bytes.append(255)
                bytes.append(contentsOf: name.prefix(255))
            }
            append(UInt64(field.value.count), bytes: 4, to: &bytes)
            bytes.append(contentsOf: field.value)
        }
        return bytes
    }

    /// Decodes an encoding into its index and entry.
    public static func decode(_ bytes: [UInt8]) throws(AuditError) -> (index: Int64, entry: AuditEntry) {
        var reader = Reader(bytes: bytes)
        guard try reader.take(magic.count) == magic else {
            throw AuditError(.malformedRecord, "the encoding does not start with GAR1")
        }
        let index = Int64(bitPattern: try reader.number(8))
        let kindText = String(decoding: try reader.take(Int(try reader.number(1))), as: UTF8.self)
        guard let kind = AuditRecordKind(rawValue: kindText) else {
            throw AuditError(.malformedRecord, "unknown record kind \"\(kindText)\"")
        }
        let time = Int64(bitPattern: try reader.number(8))
        let count = Int(try reader.number(2))
        var fields: [AuditField] = []
        fields.reserveCapacity(count)
        for _ in 0..<count {
            let name = String(decoding: try reader.take(Int(try reader.number(1))), as: UTF8.self)
            let value = try reader.take(Int(try reader.number(4)))
            fields.append(AuditField(name, bytes: value))
        }
        guard reader.offset == bytes.count else {
            throw AuditError(.malformedRecord, "\(bytes.count - reader.offset) bytes follow the last field")
        }
        return (index, AuditEntry(kind: kind, timeMilliseconds: time, fields: fields))
    }

    private static func append(_ value: UInt64, bytes count: Int, to bytes: inout [UInt8]) {
        for shift in stride(from: (count - 1) * 8, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    /// A bounds-checked cursor over the encoding.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func take(_ count: Int) throws(AuditError) -> [UInt8] {
            guard count >= 0, bytes.count - offset >= count else {
                throw AuditError(.malformedRecord, "the encoding ends early at byte \(offset)")
            }
            defer { offset += count }
            return Array(bytes[offset..<(offset + count)])
        }

        mutating func number(_ count: Int) throws(AuditError) -> UInt64 {
            try take(count).reduce(0) { $0 << 8 | UInt64($1) }
        }
    }
}
