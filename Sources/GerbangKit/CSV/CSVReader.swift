/// Reads CSV (RFC 4180) from bytes (agency exports are often CSV): fields separated by a one-byte delimiter, records by `\n` or
/// `\r\n`, fields optionally quoted with `"` (a quote inside a quoted field is doubled; a quoted
/// field may contain the delimiter). A UTF-8 byte order mark at the start is skipped.
///
/// Line breaks inside quoted fields are refused unless ``Limits/allowsLineBreaksInQuotes`` is
/// set: registry exports never contain them, and refusing them keeps one stray quote from
/// swallowing the rest of the file. A malformed record does not stop the file: ``next()``
/// returns its error with its line number and reading continues at the next line, so one bad
/// row costs one row.
///
/// Not `Sendable`: an iterator with a position; use it on one task.
public struct CSVReader: IteratorProtocol {
    /// Limits that bound the work per record. Every limit has a documented default.
    ///
    /// `Sendable`: a value type made of integers and a flag.
    public struct Limits: Sendable, Hashable {
        /// The longest record, in bytes. Default 65,536.
        public var maxRecordBytes: Int
        /// The most fields in one record. Default 256.
        public var maxFields: Int
        /// Whether a quoted field may contain line breaks. Default `false`.
        public var allowsLineBreaksInQuotes: Bool

        /// Creates limits; every parameter defaults to the documented default.
        public init(maxRecordBytes: Int = 65_536, maxFields: Int = 256, allowsLineBreaksInQuotes: Bool = false) {
            self.maxRecordBytes = maxRecordBytes
            self.maxFields = maxFields
            self.allowsLineBreaksInQuotes = allowsLineBreaksInQuotes
        }
    }

    private let bytes: [UInt8]
    private let delimiter: UInt8
    private let limits: Limits
    private var position: Int
    private var line = 1

    /// Creates a reader over `bytes` with a delimiter (default `,`).
    public init(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), limits: Limits = Limits()) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.limits = limits
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next record, or its error, or nil at the end. Blank lines are skipped.
    public mutating func next() -> Result<CSVRecord, CSVError>? {
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "\n") || (bytes[position] == UInt8(ascii: "\r")
                && position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n")) {
                skipToLineEnd() // a blank line
                continue
            }
            let startLine = line
            switch readRecord(startLine: startLine) {
            case .success(let fields): return .success(CSVRecord(line: startLine, fields: fields))
            case .failure(let error):
                skipToLineEnd()
                return .failure(error)
            }
        }
        return nil
    }

    /// Reads one record from `position`, consuming its line end. On failure `position` is inside
    /// the bad line (the caller skips the rest of it).
    private mutating func readRecord(startLine: Int) -> Result<[String], CSVError> {
        let recordStart = position
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var afterQuote = false

        func finishField() -> CSVError? {
            guard let text = String(validating: field, as: UTF8.self) else {
                return CSVError(.notUTF8, "the record is not valid UTF-8", line: startLine)
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            afterQuote = false
            if fields.count > limits.maxFields {
                return CSVError(.tooManyFields, "more than \(limits.maxFields) fields", line: startLine)
            }
            return nil
        }

        while position < bytes.count {
            let byte = bytes[position]
            if position - recordStart >= limits.maxRecordBytes {
                return .failure(CSVError(.recordTooLong, "the record is longer than \(limits.maxRecordBytes) bytes", line: startLine))
            }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 2
                    } else {
                        inQuotes = false
                        afterQuote = true
                        position += 1
                    }
                    continue
                }
                if byte == UInt8(ascii: "\n") {
                    guard limits.allowsLineBreaksInQuotes else {
                        return .failure(CSVError(.unterminatedQuote, "a quoted field is not closed on its line", line: startLine))
                    }
                    line += 1
                }
                field.append(byte)
                position += 1
                continue
            }
            if byte == delimiter {
                position += 1
                if let error = finishField() { return .failure(error) }
                continue
            }
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && position + 1 < bytes.count
                && bytes[position + 1] == UInt8(ascii: "\n")) {
                if let error = finishField() { return .failure(error) }
                skipToLineEnd()
                return .success(fields)
            }
            if afterQuote {
                return .failure(CSVError(.textAfterQuote, "text after the closing quote of a field", line: startLine))
            }
            if byte == UInt8(ascii: "\""), field.isEmpty {
                inQuotes = true
            } else {
                field.append(byte)
            }
            position += 1
        }
        if inQuotes {
            return .failure(CSVError(.unterminatedQuote, "a quoted field is not closed", line: startLine))
        }
        if let error = finishField() { return .failure(error) }
        return .success(fields)
    }

    /// Moves past the next `\n` (or to the end).
    private mutating func skipToLineEnd() {
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                return
            }
        }
    }
}
