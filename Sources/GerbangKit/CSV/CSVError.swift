/// Why a CSV record could not be read (RFC 4180 syntax or a limit).
///
/// `Sendable`: a value type made of an enum, a string and an integer.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public enum Reason: String, Sendable, Hashable {
        /// A quoted field is not closed before the end of the file.
        case unterminatedQuote = "csv.unterminated-quote"
        /// A closing quote is followed by something other than a delimiter or a line end.
        case textAfterQuote = "csv.text-after-quote"
        /// A record is longer than ``CSVReader/Limits/maxRecordBytes``.
        case recordTooLong = "csv.record-too-long"
        /// A record has more fields than ``CSVReader/Limits/maxFields``.
        case tooManyFields = "csv.too-many-fields"
        /// The bytes are not UTF-8.
        case notUTF8 = "csv.not-utf8"
    }

    /// Why the record could not be read.
    public var reason: Reason
    /// A human message.
    public var message: String
    /// The 1-based line where the record starts.
    public var line: Int

    /// Creates an error.
    public init(_ reason: Reason, _ message: String, line: Int) {
        self.reason = reason
        self.message = message
        self.line = line
    }

    public var description: String { "line \(line): \(reason.rawValue): \(message)" }
}
