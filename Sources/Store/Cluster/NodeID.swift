/// The identity of one `gerbangd` node in a cluster (`node.id`): 1 to 64 characters out of
/// `A–Z a–z 0–9 . _ : -`, so that it can prefix consumer ids (`<node>/…`) unambiguously.
///
/// `Sendable`: a value type wrapping a `String`.
public struct NodeID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The node's id.
    public let rawValue: String

    /// Wraps a valid node id; nil when `rawValue` is empty, longer than 64 characters or has a
    /// character outside `A–Z a–z 0–9 . _ : -`.
    public init?(rawValue: String) {
        guard Self.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Whether `text` is a valid node id.
    public static func isValid(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && text.utf8.allSatisfy(isAllowed)
    }

    /// A valid node id made from `text`: every character outside the allowed set becomes `-`,
    /// and the result is cut to 64 characters (`"node"` when nothing is left).
    public static func sanitizing(_ text: String) -> NodeID {
        let bytes = text.utf8.prefix(64).map { isAllowed($0) ? $0 : UInt8(ascii: "-") }
        return NodeID(rawValue: String(decoding: bytes, as: UTF8.self)) ?? NodeID(rawValue: "node")!
    }

    /// Whether one byte of a node id is allowed.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    /// The node's id.
    public var description: String { rawValue }
}
