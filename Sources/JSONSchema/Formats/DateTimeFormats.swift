/// RFC 3339 `date`, `time`, `date-time` and ISO 8601 `duration` (RFC 3339 appendix A).
enum DateTimeFormats {
    @Sendable static func isDate(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        return bytes.count == 10 && isDate(bytes[...])
    }

    @Sendable static func isTime(_ string: String) -> Bool {
        isTime(Array(string.utf8)[...])
    }

    @Sendable static func isDateTime(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        guard bytes.count > 11, bytes[10] | 0x20 == UInt8(ascii: "t") else { return false }
        return isDate(bytes[0..<10]) && isTime(bytes[11...])
    }

    /// Days in `month` of `year` (proleptic Gregorian).
    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func isDate(_ slice: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(slice)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = ASCII.number(bytes, 0, 4), let month = ASCII.number(bytes, 5, 2), let day = ASCII.number(bytes, 8, 2)
        else { return false }
        return (1...12).contains(month) && day >= 1 && day <= days(inMonth: month, year: year)
    }

    /// `HH:MM:SS[.frac](Z|±HH:MM)`; a leap second only at 23:59:60 UTC.
    private static func isTime(_ slice: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(slice)
        guard bytes.count >= 9, bytes[2] == UInt8(ascii: ":"), bytes[5] == UInt8(ascii: ":"),
            let hour = ASCII.number(bytes, 0, 2), let minute = ASCII.number(bytes, 3, 2), let second = ASCII.number(bytes, 6, 2),
            hour <= 23, minute <= 59, second <= 60
        else { return false }
        var index = 8
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
            guard index > start else { return false }
        }
        guard index < bytes.count else { return false }
        var offsetMinutes = 0
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == bytes.count else { return false }
        } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let offsetHour = ASCII.number(bytes, index + 1, 2), let offsetMinute = ASCII.number(bytes, index + 4, 2),
                offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        } else {
            return false
        }
        if second == 60 {
            let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utcMinutes == 23 * 60 + 59
        }
        return true
    }

    /// ISO 8601 duration as in RFC 3339 appendix A: `P[nY][nM][nD][T[nH][nM][nS]]` or `PnW`.
    @Sendable static func isDuration(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return false }
        var index = 1
        func component() -> UInt8? {
            let start = index
            while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
            guard index > start, index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }
        if bytes.last == UInt8(ascii: "W") {
            return component() == UInt8(ascii: "W") && index == bytes.count
        }
        let dateUnits: [UInt8] = Array("YMD".utf8), timeUnits: [UInt8] = Array("HMS".utf8)
        var next = 0
        var sawAny = false
        while index < bytes.count, bytes[index] != UInt8(ascii: "T") {
            guard let unit = component(), let position = dateUnits[next...].firstIndex(of: unit) else { return false }
            next = position + 1
            sawAny = true
        }
        if index < bytes.count {
            index += 1
            next = 0
            var sawTime = false
            while index < bytes.count {
                guard let unit = component(), let position = timeUnits[next...].firstIndex(of: unit) else { return false }
                next = position + 1
                sawTime = true
            }
            return sawTime
        }
        return sawAny
    }
}
