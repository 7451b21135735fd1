/// Why a JSON document was rejected, where, and a human-readable explanation.
///
/// `Sendable`: a value type made only of value types.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable, machine-readable reason for a rejection.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The input is longer than ``JSONParser/Options/maxInputBytes``.
        case tooLarge = "json.too-large"
        /// Containers are nested deeper than ``JSONParser/Options/maxDepth``.
        case tooDeep = "json.too-deep"
        /// A string's decoded UTF-8 is longer than ``JSONParser/Options/maxStringBytes``.
        case stringTooLong = "json.string-too-long"
        /// A number's text is longer than ``JSONParser/Options/maxNumberLength``.
        case numberTooLong = "json.number-too-long"
        /// An object has the same key twice (compared code point by code point).
        case duplicateKey = "json.duplicate-key"
        /// The bytes are not well-formed UTF-8 (including overlong forms and encoded surrogates).
        case invalidUTF8 = "json.invalid-utf8"
        /// A `\u` escape names a UTF-16 surrogate that is not part of a valid pair.
        case loneSurrogate = "json.lone-surrogate"
        /// A backslash escape that JSON does not define, or a `\u` without four hex digits.
        case invalidEscape = "json.invalid-escape"
        /// A raw control character (U+0000 to U+001F) inside a string.
        case controlCharacter = "json.control-character"
        /// A number that does not follow the JSON grammar (leading zeros, missing digits, ...).
        case invalidNumber = "json.invalid-number"
        /// A byte that cannot start or continue the value expected at this point.
        case unexpectedCharacter = "json.unexpected-character"
        /// The input ends in the middle of a value.
        case unexpectedEnd = "json.unexpected-end"
        /// Something other than whitespace follows the top-level value.
        case trailingData = "json.trailing-data"
    }

    /// The stable reason code.
    public let reason: Reason
    /// Zero-based byte offset into the input where the problem was detected.
    public let offset: Int
    /// One-based line of ``offset`` (lines end at `\n`).
    public let line: Int
    /// One-based column of ``offset``, counted in bytes from the start of its line.
    public let column: Int
    /// A human-readable explanation; never contains string contents of the document.
    public let message: String

    /// Creates an error; most callers receive errors from ``JSONParser`` rather than make them.
    public init(reason: Reason, offset: Int, line: Int, column: Int, message: String) {
        self.reason = reason
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    /// `json.reason at line L, column C (byte B): message`.
    public var description: String {
        "\(reason.rawValue) at line \(line), column \(column) (byte \(offset)): \(message)"
    }
}
