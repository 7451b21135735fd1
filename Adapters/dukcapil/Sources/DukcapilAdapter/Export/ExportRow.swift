import Catalogue
import GerbangKit

/// One data row of an export, read column by column with the checks each value needs.
///
/// Every accessor throws a ``RowRejection`` naming the column; messages never repeat a value.
/// `Sendable`: made of a record, a header and the shared, immutable region list.
public struct ExportRow: Sendable {
    /// The row as read.
    public let record: CSVRecord
    /// The file's header.
    public let header: ExportHeader
    /// The Kemendagri region list, for NIK, KK and region codes.
    public let regions: RegionDirectory

    /// Wraps a record; throws `row.field-count` when it does not have the header's field count.
    public init(record: CSVRecord, header: ExportHeader, regions: RegionDirectory) throws(RowRejection) {
        guard record.fields.count == header.fieldCount else {
            throw RowRejection(.fieldCount, "the row has \(record.fields.count) fields, the header \(header.fieldCount)")
        }
        self.record = record
        self.header = header
        self.regions = regions
    }

    /// The column's value without surrounding spaces, or nil when the column is absent or empty.
    public func text(_ column: ExportColumn) -> String? {
        guard let index = header.indices[column] else { return nil }
        let value = record.fields[index].trimmingSpaces()
        return value.isEmpty ? nil : value
    }

    /// The column's value; `row.missing-field` when absent or empty.
    public func required(_ column: ExportColumn) throws(RowRejection) -> String {
        guard let value = text(column) else {
            throw RowRejection(.missingField, column: column, "\(column.rawValue) is required for this event")
        }
        return value
    }

    /// A required date (`DD-MM-YYYY` or `YYYY-MM-DD`); `row.invalid-date` when not a calendar day.
    public func date(_ column: ExportColumn) throws(RowRejection) -> CalendarDate {
        guard let date = CalendarDate(exportText: try required(column)) else {
            throw RowRejection(.invalidDate, column: column, "\(column.rawValue) is not a date DD-MM-YYYY")
        }
        return date
    }

    /// A required NIK, checked with the catalogue's `nik` format (its reason code on failure).
    public func nik(_ column: ExportColumn) throws(RowRejection) -> String {
        let value = try required(column)
        if let violation = NIKFormat.check(value, regions: regions) {
            throw RowRejection(code: violation.reason.rawValue, column: column.rawValue, message: violation.message)
        }
        return value
    }

    /// A required KK number, checked with the catalogue's `kk` format.
    public func kk(_ column: ExportColumn) throws(RowRejection) -> String {
        let value = try required(column)
        if let violation = KKFormat.check(value, regions: regions) {
            throw RowRejection(code: violation.reason.rawValue, column: column.rawValue, message: violation.message)
        }
        return value
    }

    /// A required village code (`kode-wilayah-desa`), checked against the Kemendagri list.
    public func villageCode(_ column: ExportColumn) throws(RowRejection) -> RegionCode {
        let value = try required(column)
        if let violation = RegionCodeFormat.check(value, level: .village, regions: regions) {
            throw RowRejection(code: violation.reason.rawValue, column: column.rawValue, message: violation.message)
        }
        return RegionCode(dotted: value)!
    }

    /// The sex: `LAKI-LAKI`, `L`, `1` → male; `PEREMPUAN`, `P`, `2` → female.
    public func sex(_ column: ExportColumn) throws(RowRejection) -> DecodedNIK.Sex {
        switch try required(column).uppercased() {
        case "LAKI-LAKI", "LAKI LAKI", "L", "1": return .male
        case "PEREMPUAN", "P", "2": return .female
        default: throw RowRejection(.invalidSex, column: column, "\(column.rawValue) must be LAKI-LAKI or PEREMPUAN")
        }
    }

    /// An optional RT/RW: one to three digits, written with three (`3` → `003`).
    public func neighbourhoodNumber(_ column: ExportColumn) throws(RowRejection) -> String? {
        guard let value = text(column) else { return nil }
        guard (1...3).contains(value.count), value.allSatisfy(\.isASCIIDigitCharacter) else {
            throw RowRejection(.invalidValue, column: column, "\(column.rawValue) has one to three digits")
        }
        return String(repeating: "0", count: 3 - value.count) + value
    }

    /// An optional postal code: five digits, not starting with 0.
    public func postalCode(_ column: ExportColumn) throws(RowRejection) -> String? {
        guard let value = text(column) else { return nil }
        guard value.count == 5, value.allSatisfy(\.isASCIIDigitCharacter), value.first != "0" else {
            throw RowRejection(.invalidValue, column: column, "\(column.rawValue) has five digits, the first not 0")
        }
        return value
    }

    /// An optional text with a length limit (`row.invalid-value` when longer).
    public func text(_ column: ExportColumn, maxLength: Int) throws(RowRejection) -> String? {
        guard let value = text(column) else { return nil }
        guard value.count <= maxLength else {
            throw RowRejection(.invalidValue, column: column, "\(column.rawValue) is longer than \(maxLength) characters")
        }
        return value
    }

    /// A required text with a length limit.
    public func required(_ column: ExportColumn, maxLength: Int) throws(RowRejection) -> String {
        guard let value = try text(column, maxLength: maxLength) else { return try required(column) }
        return value
    }
}
