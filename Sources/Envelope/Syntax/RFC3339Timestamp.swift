import Foundation

/// RFC 3339 §5.6 `date-time`: `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, `T` and `Z` in either case,
/// with calendar-correct days (leap years included) and leap second 60 allowed.
enum RFC3339Timestamp {
    /// Whether `text` is a valid `date-time`.
    static func isValid(_ text: String) -> Bool {
        secondsSinceEpoch(text) != nil
    }

    /// The instant `text` names, or nil when it is not a valid `date-time` (``isValid(_:)``).
    /// Fractional seconds are kept to the nanosecond; a leap second (`:60`) is the first instant
    /// of the next minute.
    static func instant(_ text: String) -> Date? {
        secondsSinceEpoch(text).map { Date(timeIntervalSince1970: Double($0.whole) + $0.fraction) }
    }

    /// Checks `text` and computes its instant in one pass: whole seconds since 1970-01-01T00:00Z
    /// and the fraction of a second; nil when it is not a valid `date-time`.
    private static func secondsSinceEpoch(_ text: String) -> (whole: Int, fraction: Double)? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == UInt8(ascii: "-"),
              let month = number(5, 2), bytes[7] == UInt8(ascii: "-"),
              let day = number(8, 2), bytes[10] | 0x20 == UInt8(ascii: "t"),
              let hour = number(11, 2), bytes[13] == UInt8(ascii: ":"),
              let minute = number(14, 2), bytes[16] == UInt8(ascii: ":"),
              let second = number(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let digitsStart = index
            var scale = 0.1
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                if scale >= 1e-9 { fraction += Double(bytes[index] - UInt8(ascii: "0")) * scale }
                scale /= 10
                index += 1
            }
            guard index > digitsStart else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offsetSeconds = 0
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == bytes.count else { return nil }
        } else {
            guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
                  index + 6 == bytes.count,
                  let offsetHour = number(index + 1, 2), bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetMinute = number(index + 4, 2),
                  offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            offsetSeconds = (offsetHour * 3_600 + offsetMinute * 60) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        }
        let whole = daysSinceEpoch(year: year, month: month, day: day) * 86_400
            + hour * 3_600 + minute * 60 + second - offsetSeconds
        return (whole, fraction)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (the "days from civil" algorithm,
    /// https://howardhinnant.github.io/date_algorithms.html#days_from_civil).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
