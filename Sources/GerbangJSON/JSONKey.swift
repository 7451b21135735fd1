/// An object key compared and hashed by its exact UTF-8 bytes.
///
/// Swift's `String` equality uses canonical equivalence ("é" equals "e" + U+0301); JSON object
/// keys are distinct whenever their code points differ (RFC 8259 §8.3, RFC 8785 sorting), so
/// duplicate detection and lookup use this wrapper instead.
///
/// `Sendable`: wraps a `String`.
struct JSONKey: Hashable, Sendable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (lhs: JSONKey, rhs: JSONKey) -> Bool { equal(lhs.string, rhs.string) }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// True when both strings have the same UTF-8 bytes.
    @inline(__always)
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }
}
