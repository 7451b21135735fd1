/// One record of a CSV file: its fields and the physical line it starts on.
///
/// `Sendable`: a value type made of strings and an integer.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based line number of the record's first character (the header is line 1). A quoted
    /// field may contain line breaks, so a record can span several lines.
    public var line: Int
    /// The fields, unquoted.
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
