/// An aligned text table: a header row and rows of cells, columns separated by two spaces,
/// numbers right-aligned. When a width is given, the widest text columns are shortened (with
/// `…`) until the table fits.
///
/// `Sendable`: a value type.
public struct TextTable: Sendable {
    /// Column headers.
    public var headers: [String]
    /// Rows; each has one cell per header.
    public var rows: [[String]]
    /// Columns aligned right (numbers).
    public var rightAligned: Set<Int>

    /// Creates a table.
    public init(headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// The table as lines, at most `maxWidth` characters wide when given.
    public func render(maxWidth: Int? = nil) -> [String] {
        var widths = headers.indices.map { column in
            ([headers[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        if let maxWidth {
            var total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
            while total > maxWidth {
                guard let widest = widths.indices.filter({ !rightAligned.contains($0) }).max(by: { widths[$0] < widths[$1] }),
                      widths[widest] > max(4, headers[widest].count) else { break }
                widths[widest] -= 1
                total -= 1
            }
        }
        func line(_ cells: [String]) -> String {
            widths.indices.map { column in
                let cell = Self.fit(column < cells.count ? cells[column] : "", to: widths[column])
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                if column == widths.count - 1 && !rightAligned.contains(column) { return cell }
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        return [line(headers)] + rows.map(line)
    }

    /// `text` shortened to `width` characters with a trailing `…`.
    public static func fit(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
    }
}
