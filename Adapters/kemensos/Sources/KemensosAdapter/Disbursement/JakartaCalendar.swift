import Foundation

/// Dates as Kemensos writes them: calendar days in Jakarta time (WIB, UTC+7).
enum JakartaCalendar {
    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Jakarta")!
        return calendar
    }

    /// `YYYY-MM-DD` of `date` (default now) plus `days`.
    static func day(_ date: Date = Date(), plus days: Int = 0) -> String {
        let shifted = calendar.date(byAdding: .day, value: days, to: date) ?? date
        let parts = calendar.dateComponents([.year, .month, .day], from: shifted)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year!, 4))-\(pad(parts.month!, 2))-\(pad(parts.day!, 2))"
    }
}
