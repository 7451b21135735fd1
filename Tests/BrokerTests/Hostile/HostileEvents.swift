import Foundation

/// Hostile bytes and edits for the tests of `Tests/BrokerTests/Hostile`.
enum HostileEvents {
    /// The header frame of GMP/1 `command`, followed by `fields` (fixed header fields).
    static func header(_ command: UInt8, version: UInt8 = 0x01, fields: [UInt8] = []) -> [UInt8] {
        [0x47, 0x4D, 0x50, version, command] + fields
    }

    /// A big-endian `u64` frame.
    static func u64(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }

    /// An edit for ``TestEvents/signed(type:agency:broker:id:edit:)`` that sets the example's
    /// `time` to now + `offset` seconds.
    static func timestamped(offset: TimeInterval) -> (String) -> String {
        let time = Date().addingTimeInterval(offset).formatted(.iso8601)
        return { $0.replacingOccurrences(of: "\"time\": \"2026-11-19T09:42:17+07:00\"", with: "\"time\": \"\(time)\"") }
    }

    /// `bytes` with the first occurrence of `text` replaced by `replacement` (raw bytes, so that
    /// invalid UTF-8 can be put in).
    static func replacing(_ text: String, with replacement: [UInt8], in bytes: [UInt8]) throws -> [UInt8] {
        let needle = Array(text.utf8)
        guard let start = (0...(bytes.count - needle.count)).first(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }) else {
            throw BrokerTestError("`\(text)` not in the event")
        }
        return Array(bytes[..<start]) + replacement + Array(bytes[(start + needle.count)...])
    }
}
