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

    /// Creates a number from a finite double, written as ECMAScript (and RFC 8785) writes it:
    /// shortest round-tripping digits, `1e+21`, `0.000001`, `-0` as `0`.
    /// - Precondition: `value.isFinite` (JSON has no infinities or NaN).
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON has no non-finite numbers")
        var bytes: [UInt8] = []
        ECMAScriptNumberFormatter.append(value, to: &bytes)
        self.text = String(decoding: bytes, as: UTF8.self)
    }

    /// The nearest IEEE 754 double (may be ±infinity for out-of-range text).
    public var doubleValue: Double { Double(text) ?? .nan }

    /// The number's text.
    public var description: String { text }
}

/// A JSON object: its members in document order, with lookup by key.
///
/// Keys are compared by their exact code points (not Swift's canonical equivalence). Objects with
/// more than a few members keep a hash index, so lookup stays fast for large objects.
/// Equality and hashing consider the members in order.
///
/// `Sendable`: a value type made only of value types.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// One member of an object.
    public struct Member: Sendable, Hashable {
        /// The member's key.
        public var key: String
        /// The member's value.
        public var value: JSONValue
        /// Creates a member.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in document order. Keys are unique.
    public private(set) var members: [Member]

    /// Key → index in `members`; present only when the object is large.
    private var index: [JSONKey: Int]?

    /// Objects with more members than this carry a hash index.
    private static let indexThreshold = 16

    /// Creates an object from members whose keys the caller guarantees to be unique.
    public init(members: [Member] = []) {
        self.members = members
        self.index = Self.makeIndex(members)
    }

    /// Creates an object from key/value pairs whose keys the caller guarantees to be unique.
    public init(_ pairs: KeyValuePairs<String, JSONValue>) {
        self.init(members: pairs.map { Member(key: $0.key, value: $0.value) })
    }

    /// Used by the parser, which has already checked uniqueness and may have built the index.
    init(uniqueMembers members: [Member], index: [JSONKey: Int]?) {
        self.members = members
        self.index = index ?? Self.makeIndex(members)
    }

    private static func makeIndex(_ members: [Member]) -> [JSONKey: Int]? {
        guard members.count > indexThreshold else { return nil }
        var index = [JSONKey: Int](minimumCapacity: members.count)
        for (position, member) in members.enumerated() { index[JSONKey(member.key)] = position }
        return index
    }

    /// Number of members.
    public var count: Int { members.count }

    /// True when the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys in document order.
    public var keys: [String] { members.map(\.key) }

    /// The position of `key` in ``members``, or nil.
    public func position(of key: String) -> Int? {
        if let index { return index[JSONKey(key)] }
        return members.firstIndex { JSONKey.equal($0.key, key) }
    }

    /// The value stored under `key`, or nil. Setting nil removes the member; setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return members[position].value
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    index = Self.makeIndex(members)
                }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
                if index != nil {
                    index![JSONKey(key)] = members.count - 1
                } else if members.count > Self.indexThreshold {
                    index = Self.makeIndex(members)
                }
            }
        }
    }

    /// Iterates the members in document order.
    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

    /// Equal when the members are equal in the same order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.members == rhs.members }

    /// Hashes the members in order.
    public func hash(into hasher: inout Hasher) { hasher.combine(members) }
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
