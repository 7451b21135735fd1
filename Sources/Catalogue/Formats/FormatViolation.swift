/// Why a string does not conform to one of the catalogue's own formats (`nik`, `kk`, `kode-wilayah…`).
///
/// `Sendable`: a value type made of an enum and a string.
public struct FormatViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public enum Reason: String, Sendable, Hashable {
        /// A NIK is not exactly 16 characters long.
        case nikLength = "nik.length"
        /// A NIK contains a character other than the digits 0-9.
        case nikNotDigits = "nik.not-digits"
        /// A NIK's digits 1-6 are not a district (kecamatan) in the Kemendagri list.
        case nikUnknownRegion = "nik.unknown-region"
        /// A NIK's digits 7-12 are not a date DDMMYY (day + 40 for women).
        case nikInvalidDate = "nik.invalid-date"
        /// A NIK's serial (digits 13-16) is `0000`.
        case nikInvalidSerial = "nik.invalid-serial"
        /// A KK number is not exactly 16 characters long.
        case kkLength = "kk.length"
        /// A KK number contains a character other than the digits 0-9.
        case kkNotDigits = "kk.not-digits"
        /// A KK number's digits 1-6 are not a district (kecamatan) in the Kemendagri list.
        case kkUnknownRegion = "kk.unknown-region"
        /// A KK number's digits 7-12 are not a date DDMMYY.
        case kkInvalidDate = "kk.invalid-date"
        /// A KK number's serial (digits 13-16) is `0000`.
        case kkInvalidSerial = "kk.invalid-serial"
        /// A region code does not have the dotted shape `NN`, `NN.NN`, `NN.NN.NN` or `NN.NN.NN.NNNN`.
        case regionMalformed = "kode-wilayah.malformed"
        /// A region code has the shape of another level than the format requires.
        case regionWrongLevel = "kode-wilayah.wrong-level"
        /// A well-formed region code that is not in the Kemendagri list.
        case regionUnknown = "kode-wilayah.unknown"
    }

    /// Why the string does not conform.
    public var reason: Reason
    /// A human message. It never repeats the checked value (it may be personal data).
    public var message: String

    /// Creates a violation.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(reason.rawValue): \(message)" }
}
