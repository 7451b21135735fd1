import GerbangKit
/// The header of an export: which field index holds which column.
///
/// `Sendable`: a value type made of a dictionary and an integer.
public struct ExportHeader: Sendable, Hashable {
    /// Field index of each known column present.
    public let indices: [ExportColumn: Int]
    /// The number of fields of the header (every row must have as many).
    public let fieldCount: Int

    /// Reads a header record; throws `file.missing-column` when a column of
    /// ``ExportColumn/requiredInHeader`` is missing or a known column appears twice.
    public init(_ record: CSVRecord) throws(RowRejection) {
        var indices: [ExportColumn: Int] = [:]
        for (index, name) in record.fields.enumerated() {
            let normalized = name.trimmingSpaces().uppercased()
            guard let column = ExportColumn(rawValue: normalized) else { continue }
            guard indices[column] == nil else {
                throw RowRejection(.missingColumn, column: column, "the header names the column twice")
            }
            indices[column] = index
        }
        for column in ExportColumn.requiredInHeader where indices[column] == nil {
            throw RowRejection(.missingColumn, column: column, "the header has no \(column.rawValue) column")
        }
        self.indices = indices
        fieldCount = record.fields.count
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and carriage returns.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
