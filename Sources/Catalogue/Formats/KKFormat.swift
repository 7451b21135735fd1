/// The `kk` format: the 16-digit family card number (nomor Kartu Keluarga).
///
/// A KK number has the layout of a NIK without the sex marker:
/// 1. exactly 16 characters (`kk.length`), all ASCII digits (`kk.not-digits`);
/// 2. digits 1-6 are a district (kecamatan) listed by Kemendagri, where the card was issued
///    (`kk.unknown-region`);
/// 3. digits 7-12 are the date the number was issued, DDMMYY, a real calendar date (no 40 is
///    ever added; 29 February only in a year divisible by 4) (`kk.invalid-date`);
/// 4. digits 13-16 are a serial from 0001 (`kk.invalid-serial`).
public enum KKFormat {
    /// The format name used in schemas.
    public static let name = "kk"

    /// The violation of the rule above, or nil when `text` is a valid KK number.
    public static func check(_ text: String, regions: RegionDirectory) -> FormatViolation? {
        let number: RegistrationNumber
        switch RegistrationNumber.parse(text) {
        case .failure(.length): return FormatViolation(.kkLength, "a KK number has exactly 16 digits")
        case .failure(.notDigits): return FormatViolation(.kkNotDigits, "a KK number has only the digits 0-9")
        case .success(let parsed): number = parsed
        }
        guard regions.contains(packed: number.district, level: .district) else {
            return FormatViolation(.kkUnknownRegion, "the KK number's digits 1-6 are not a district in the Kemendagri list")
        }
        guard RegistrationNumber.isCalendarDate(day: number.dayField, month: number.month, twoDigitYear: number.twoDigitYear) else {
            return FormatViolation(.kkInvalidDate, "the KK number's digits 7-12 are not an issue date DDMMYY")
        }
        guard number.serial >= 1 else {
            return FormatViolation(.kkInvalidSerial, "the KK number's serial (digits 13-16) starts at 0001")
        }
        return nil
    }
}
