import Foundation

/// The period a disbursement pays: a quarter (tahap, `2026-Q4`) or a month (`2026-11`).
///
/// `Sendable`: a value type of integers.
public enum DisbursementPeriod: Sendable, Hashable, CustomStringConvertible {
    /// A quarter of a year, 1-4.
    case quarter(year: Int, quarter: Int)
    /// A month of a year, 1-12.
    case month(year: Int, month: Int)

    /// Parses `2026-Q4` or `2026-11` (years 2000-2099, as the catalogue's `period`).
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (2000...2099).contains(year) else { return nil }
        if parts[1].count == 2, parts[1].first == "Q", let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) {
            self = .quarter(year: year, quarter: quarter)
        } else if parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) {
            self = .month(year: year, month: month)
        } else {
            return nil
        }
    }

    /// The quarter or month containing `date` in Jakarta time (WIB).
    public static func current(_ unit: Unit, at date: Date = Date()) -> DisbursementPeriod {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Jakarta")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        let year = parts.year!, month = parts.month!
        switch unit {
        case .quarter: return .quarter(year: year, quarter: (month - 1) / 3 + 1)
        case .month: return .month(year: year, month: month)
        }
    }

    /// The unit of a period.
    ///
    /// `Sendable`: a plain enum.
    public enum Unit: String, Sendable, Hashable {
        case quarter
        case month
    }

    /// `2026-Q4` or `2026-11` (the catalogue's `period`).
    public var description: String {
        switch self {
        case .quarter(let year, let quarter): "\(year)-Q\(quarter)"
        case .month(let year, let month): "\(year)-\(month < 10 ? "0" : "")\(month)"
        }
    }

    /// The form inside a disbursement id: `2026Q4` or `202611`.
    public var compact: String { description.replacingOccurrences(of: "-", with: "") }

    /// The disbursement id of one beneficiary's payment: `<programme>-<period>-<serial 8 digits>`
    /// (`PBI-JK` is written `PBIJK`), e.g. `PKH-2026Q4-00000042`.
    public func disbursementID(programme: String, serial: Int) -> String {
        let digits = String(serial % 100_000_000)
        return "\(programme.replacingOccurrences(of: "-", with: ""))-\(compact)-\(String(repeating: "0", count: 8 - digits.count))\(digits)"
    }
}
