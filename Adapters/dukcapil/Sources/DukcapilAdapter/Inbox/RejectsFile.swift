import Foundation
import GerbangKit

/// The rejects file of one export: `<rejects>/<export name>.rejects.csv`, a CSV with the header
/// `line,reason,column,message`, one row per rejected export row, in line order.
///
/// It holds no personal data: the line number points into the export (kept in `done/`), the
/// reason is a stable code and the message names the constraint, never the value.
public enum RejectsFile {
    /// The header line.
    public static let header = "line,reason,column,message"

    /// The file name for an export's rejects.
    public static func name(forExport exportName: String) -> String {
        (exportName.hasSuffix(".csv") ? String(exportName.dropLast(4)) : exportName) + ".rejects.csv"
    }

    /// The file's text for `rejections` (line and rejection), sorted by line.
    public static func render(_ rejections: [(line: Int, rejection: RowRejection)]) -> String {
        var text = header + "\n"
        for (line, rejection) in rejections.sorted(by: { $0.line < $1.line }) {
            text += "\(line),\(quoted(rejection.reason)),\(quoted(rejection.column ?? "")),\(quoted(rejection.message))\n"
        }
        return text
    }

    /// Parses a rejects file back (for tests and tools): line, reason, column, message.
    public static func parse(_ text: String) -> [(line: Int, reason: String, column: String, message: String)] {
        var reader = CSVReader(bytes: Array(text.utf8))
        var rows: [(line: Int, reason: String, column: String, message: String)] = []
        _ = reader.next()
        while let next = reader.next() {
            guard case .success(let record) = next, record.fields.count == 4, let line = Int(record.fields[0]) else { continue }
            rows.append((line, record.fields[1], record.fields[2], record.fields[3]))
        }
        return rows
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
