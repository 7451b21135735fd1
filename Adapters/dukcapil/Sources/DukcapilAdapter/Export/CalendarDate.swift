/// A calendar day (no time, no time zone), as registry documents write dates.
///
/// `Sendable`, `Comparable`: a value type of three integers, ordered by year, month, day.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year (four digits).
    public var year: Int
    /// The month, 1-12.
    public var month: Int
    /// The day, 1-31.
    public var day: Int

    /// Creates a date when the day exists in that month of that year (Gregorian calendar).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `DD-MM-YYYY` (SIAK exports; `/` also accepted as the separator) or `YYYY-MM-DD`.
    public init?(exportText text: String) {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }) else { return nil }
        if parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 {
            self.init(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
        } else if parts[0].count == 2, parts[1].count == 2, parts[2].count == 4 {
            self.init(year: Int(parts[2])!, month: Int(parts[1])!, day: Int(parts[0])!)
        } else {
            return nil
        }
    }

    /// The ISO 8601 / RFC 3339 `full-date` form, `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Character {
    /// True for the ASCII digits 0-9 only.
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
