/// A JSON value as it appeared in its document.
///
/// Objects keep their members in document order (duplicate keys are rejected by the parser),
/// and numbers keep their exact text, so that nothing is lost between parsing and
/// re-serialising (RFC 8785 canonicalisation decides the order and number form separately).
///
/// `Sendable`: a value type made only of value types.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON number, kept as the exact text of the document (`-0`, `1.0`, `1e400` stay as written).
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number's text exactly as it appeared in the document (already validated by the parser).
    public let text: String

    /// Creates a number from its JSON text. The caller guarantees `text` is a valid JSON number.
    public init(text: String) { self.text = text }

    /// Creates a number from an integer.
    public init(_ value: Int) { self.text = String(value) }

    /// Creates a number from a double, written in its shortest round-tripping form.
    /// Non-finite values are not JSON; they are written as `0`... callers should not pass them.
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON has no non-finite numbers")
        if value == value.rounded(), abs(value) < 1e15 {
            self.text = String(Int64(value))
        } else {
            self.text = "\(value)"
        }
    }

    /// The nearest IEEE 754 double (may be ±infinity for out-of-range text).
    public var doubleValue: Double { Double(text) ?? .nan }

    public var description: String { text }
}

/// A JSON object: its members in document order, with lookup by key.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// One member of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in document order. Keys are unique.
    public private(set) var members: [Member]

    /// Creates an object from members whose keys the caller guarantees to be unique.
    public init(members: [Member] = []) { self.members = members }

    /// Creates an object from key/value pairs whose keys the caller guarantees to be unique.
    public init(_ pairs: KeyValuePairs<String, JSONValue>) {
        self.members = pairs.map { Member(key: $0.key, value: $0.value) }
    }

    /// Number of members.
    public var count: Int { members.count }

    /// True when the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys in document order.
    public var keys: [String] { members.map(\.key) }

    /// The value stored under `key`, or nil. Setting nil removes the member; setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }
}

extension JSONValue {
    /// The string, if this is a string.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The object, if this is an object.
    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    /// The array, if this is an array.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// The number, if this is a number.
    public var numberValue: JSONNumber? { if case .number(let n) = self { n } else { nil } }
    /// The boolean, if this is a boolean.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// True for `null`.
    public var isNull: Bool { if case .null = self { true } else { false } }
}
