/// The shared layout of the two 16-digit population numbers, NIK and KK:
/// digits 1-6 the district (kecamatan) code, 7-12 a date DDMMYY, 13-16 a serial.
///
/// `Sendable`: a value type made of integers.
struct RegistrationNumber: Sendable, Hashable {
    /// Digits 1-6: the district code, packed as in ``RegionCode``.
    var district: Int
    /// Digits 7-8 as written (for a woman's NIK, the day plus 40).
    var dayField: Int
    /// Digits 9-10.
    var month: Int
    /// Digits 11-12: the year without its century.
    var twoDigitYear: Int
    /// Digits 13-16.
    var serial: Int

    /// The outcome of reading the digits.
    enum ParseFailure: Error {
        case length
        case notDigits
    }

    /// Reads exactly 16 ASCII digits; never allocates.
    static func parse(_ text: String) -> Result<RegistrationNumber, ParseFailure> {
        var text = text
        return text.withUTF8 { bytes -> Result<RegistrationNumber, ParseFailure> in
            guard bytes.count == 16 else { return .failure(.length) }
            var fields = (0, 0, 0, 0, 0)
            for index in 0..<16 {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return .failure(.notDigits) }
                let value = Int(digit)
                switch index {
                case 0..<6: fields.0 = fields.0 * 10 + value
                case 6..<8: fields.1 = fields.1 * 10 + value
                case 8..<10: fields.2 = fields.2 * 10 + value
                case 10..<12: fields.3 = fields.3 * 10 + value
                default: fields.4 = fields.4 * 10 + value
                }
            }
            return .success(RegistrationNumber(
                district: fields.0, dayField: fields.1, month: fields.2, twoDigitYear: fields.3, serial: fields.4
            ))
        }
    }

    /// True when day/month is a calendar date in some year ending in `twoDigitYear`.
    ///
    /// The century is not written, so 29 February is accepted when the year is a leap year in
    /// either 19YY or 20YY, i.e. when `twoDigitYear` is a multiple of 4 (2000 was a leap year).
    static func isCalendarDate(day: Int, month: Int, twoDigitYear: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let daysInMonth = switch month {
        case 2: twoDigitYear % 4 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
        return day <= daysInMonth
    }
}
