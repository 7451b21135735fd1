/// A strict RFC 8259 JSON parser working directly on UTF-8 bytes.
///
/// Strict means: exactly one JSON text (whitespace around it allowed, no byte-order mark),
/// well-formed UTF-8 only, no lone surrogates (raw or escaped), no raw control characters in
/// strings, no duplicate object keys (compared code point by code point), numbers exactly as
/// the grammar says (no leading zeros, no `+`, no `.5`, no `NaN`). Every number keeps its text.
///
/// The parser is iterative: nesting is tracked on an explicit stack, so hostile nesting ends in
/// ``JSONParseError/Reason/tooDeep`` rather than a stack overflow, and every size it accepts is
/// bounded by ``Options``.
///
/// ```swift
/// let value = try JSONParser.parse(#"{"id":"A-1","amount":1500000}"#)
/// ```
public enum JSONParser {
    /// Limits applied while parsing. Every limit is checked before memory proportional to the
    /// offending input is allocated.
    ///
    /// `Sendable`: a value type made only of integers.
    public struct Options: Sendable, Hashable {
        /// Deepest allowed nesting of arrays and objects; `[[1]]` has depth 2. Default 64.
        public var maxDepth: Int
        /// Largest accepted input in bytes. Default 8 MiB (8,388,608).
        public var maxInputBytes: Int
        /// Largest accepted string (an object key or a string value) in bytes of decoded UTF-8.
        /// Default 1 MiB (1,048,576).
        public var maxStringBytes: Int
        /// Longest accepted number text in bytes (sign, digits, point and exponent). Default 256,
        /// far more than the 17 significant digits a double holds.
        public var maxNumberLength: Int

        /// Creates options; every argument has the documented default.
        public init(
            maxDepth: Int = 64,
            maxInputBytes: Int = 8 * 1024 * 1024,
            maxStringBytes: Int = 1024 * 1024,
            maxNumberLength: Int = 256
        ) {
            self.maxDepth = maxDepth
            self.maxInputBytes = maxInputBytes
            self.maxStringBytes = maxStringBytes
            self.maxNumberLength = maxNumberLength
        }
    }

    /// Parses one JSON text from raw UTF-8 bytes.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, options: Options = .init()
    ) throws(JSONParseError) -> JSONValue {
        var reader = JSONReader(bytes: bytes.assumingMemoryBound(to: UInt8.self), options: options)
        return try reader.parseDocument()
    }

    /// Parses one JSON text from an array of UTF-8 bytes.
    public static func parse(_ bytes: [UInt8], options: Options = .init()) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer, options: options) }
        }
        return try result.get()
    }

    /// Parses one JSON text from any collection of UTF-8 bytes (for example Foundation's `Data`).
    public static func parse(
        _ bytes: some Collection<UInt8>, options: Options = .init()
    ) throws(JSONParseError) -> JSONValue {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) -> JSONValue in
                try parse(UnsafeRawBufferPointer(buffer), options: options)
            }
        }
        if let contiguous { return try contiguous.get() }
        return try parse(Array(bytes), options: options)
    }

    /// Parses one JSON text from a string (its UTF-8 form).
    public static func parse(_ text: String, options: Options = .init()) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> JSONValue in
                try parse(UnsafeRawBufferPointer(buffer), options: options)
            }
        }
        return try result.get()
    }
}
