/// The `nik` format: the 16-digit national identity number (Nomor Induk Kependudukan).
///
/// Rule (checked in this order, first failure reported):
/// 1. exactly 16 characters (`nik.length`), all ASCII digits (`nik.not-digits`);
/// 2. digits 1-6 are a district (kecamatan) listed by Kemendagri: province, regency/city and
///    district where the NIK was first issued (`nik.unknown-region`);
/// 3. digits 7-12 are the birth date DDMMYY, with 40 added to the day for women: the day is
///    01-31 or 41-71 and, less 40, a real day of that month; 29 February only in a year divisible
///    by 4 (the century is unknown; 2000 was a leap year) (`nik.invalid-date`);
/// 4. digits 13-16 are a serial from 0001 (`nik.invalid-serial`).
///
/// Caveat: a NIK keeps the district where it was issued, and districts are sometimes split or
/// renumbered; a NIK from a district that no longer exists in the 2025 list is rejected.
public enum NIKFormat {
    /// The format name used in schemas.
    public static let name = "nik"

    /// The violation of the rule above, or nil when `text` is a valid NIK.
    public static func check(_ text: String, regions: RegionDirectory) -> FormatViolation? {
        switch decode(text, regions: regions) {
        case .success: nil
        case .failure(let violation): violation
        }
    }

    /// Decodes a NIK that follows the rule above.
    public static func decode(_ text: String, regions: RegionDirectory) -> Result<DecodedNIK, FormatViolation> {
        let number: RegistrationNumber
        switch RegistrationNumber.parse(text) {
        case .failure(.length): return .failure(FormatViolation(.nikLength, "a NIK has exactly 16 digits"))
        case .failure(.notDigits): return .failure(FormatViolation(.nikNotDigits, "a NIK has only the digits 0-9"))
        case .success(let parsed): number = parsed
        }
        guard regions.contains(packed: number.district, level: .district) else {
            return .failure(FormatViolation(.nikUnknownRegion, "the NIK's digits 1-6 are not a district in the Kemendagri list"))
        }
        let isFemale = number.dayField > 40
        let day = isFemale ? number.dayField - 40 : number.dayField
        guard RegistrationNumber.isCalendarDate(day: day, month: number.month, twoDigitYear: number.twoDigitYear) else {
            return .failure(FormatViolation(.nikInvalidDate, "the NIK's digits 7-12 are not a birth date DDMMYY (day + 40 for women)"))
        }
        guard number.serial >= 1 else {
            return .failure(FormatViolation(.nikInvalidSerial, "the NIK's serial (digits 13-16) starts at 0001"))
        }
        return .success(DecodedNIK(
            district: RegionCode(level: .district, packed: number.district),
            sex: isFemale ? .female : .male,
            birthDay: day, birthMonth: number.month, birthYearTwoDigits: number.twoDigitYear,
            serial: number.serial
        ))
    }
}
