#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GerbangJSON

/// String comparison by code points, as JSON requires (Swift's `==` uses canonical
/// equivalence, under which `"é"` equals `"e\u{301}"`).
enum ExactString {
    /// True when both strings have the same UTF-8 bytes.
    @inline(__always)
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count, lhs == rhs else { return false }
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
        }
    }

    /// Equality with a string known to be ASCII (checked once, at compile time).
    ///
    /// Swift's `==` is canonical equivalence. The only non-ASCII scalars canonically equivalent
    /// to ASCII ones are singletons (U+212A KELVIN SIGN → `K`, U+037E → `;`, U+1FEF → `` ` ``),
    /// each longer in UTF-8 than its ASCII image; so a string of the same UTF-8 length that is
    /// canonically equal to an ASCII string is byte-identical to it.
    @inline(__always)
    static func equal(ascii: String, asciiLength: Int, _ other: String) -> Bool {
        other.utf8.count == asciiLength && ascii == other
    }

    /// Whether every scalar of `string` is ASCII.
    static func isASCII(_ string: String) -> Bool {
        string.utf8.allSatisfy { $0 < 0x80 }
    }
}

extension ExactString {
    /// Whether `object` has a member named exactly `key`.
    @inline(__always)
    static func has(_ object: JSONObject, _ key: String) -> Bool {
        if object.count > 16 { return object[key] != nil }
        let members = object.members
        let length = key.utf8.count
        for position in members.indices where members[position].key.utf8.count == length {
            if equal(members[position].key, key) { return true }
        }
        return false
    }
}
