/// Why one row of an export was not published: written to the rejects file with its line.
///
/// `Sendable`: a value type made of strings and an integer.
public struct RowRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The adapter's own reasons. Reasons of the catalogue's formats (`nik.invalid-date`,
    /// `kk.unknown-region`, `kode-wilayah.unknown`, …) and of the broker's verdict
    /// (`schema.violation`, `signature.invalid`, …) are kept with their own codes.
    public enum Reason: String, Sendable, Hashable {
        /// The file has no header, or the header lacks a required column.
        case missingColumn = "file.missing-column"
        /// The file is larger than the configured maximum.
        case fileTooLarge = "file.too-large"
        /// The file has more rows than the configured maximum.
        case tooManyRows = "file.too-many-rows"
        /// The row has another number of fields than the header.
        case fieldCount = "row.field-count"
        /// `JENIS_PERISTIWA` is not `LAHIR`, `MATI` or `PINDAH`.
        case unknownEvent = "row.unknown-event"
        /// A column the event needs is empty or absent.
        case missingField = "row.missing-field"
        /// A date is not `DD-MM-YYYY` (or `YYYY-MM-DD`) of a real calendar day.
        case invalidDate = "row.invalid-date"
        /// The dates contradict each other (death before birth, registration before the event).
        case dateOrder = "row.date-order"
        /// `JENIS_KLMIN` is not one of the accepted values.
        case invalidSex = "row.invalid-sex"
        /// A value is not one of the accepted values or shapes (RT, RW, postal code, reason, …).
        case invalidValue = "row.invalid-value"
        /// The document number does not have the shape of its kind of document.
        case invalidDocumentNumber = "row.invalid-document-number"
        /// The birth date or sex disagree with the NIK's digits.
        case nikMismatch = "row.nik-mismatch"
        /// Another row of the same file has the same document number.
        case duplicateDocument = "row.duplicate-document"
    }

    /// The stable reason code (one of ``Reason`` or a catalogue/broker code).
    public var reason: String
    /// The column concerned, when one is.
    public var column: String?
    /// A human message; it never repeats the row's values (they are personal data).
    public var message: String

    /// Creates a rejection for one of the adapter's own reasons.
    public init(_ reason: Reason, column: ExportColumn? = nil, _ message: String) {
        self.reason = reason.rawValue
        self.column = column?.rawValue
        self.message = message
    }

    /// Creates a rejection with a reason code from elsewhere (catalogue format, schema, broker).
    public init(code: String, column: String? = nil, message: String) {
        self.reason = code
        self.column = column
        self.message = message
    }

    public var description: String { "\(reason)\(column.map { " [\($0)]" } ?? ""): \(message)" }
}
