/// A made-up resident whose NIK, KK, birth date and sex agree with each other and with the
/// Kemendagri list.
///
/// `Sendable`: a value type of strings and integers.
public struct SamplePerson: Sendable, Hashable {
    /// The NIK: district, birth date DDMMYY (+40 for women), serial.
    public var nik: String
    /// The family card number: district, issue date DDMMYY, serial.
    public var kk: String
    /// Full name.
    public var fullName: String
    /// Birth place (a town).
    public var birthPlace: String
    /// Birth date.
    public var birthYear: Int
    /// Birth month.
    public var birthMonth: Int
    /// Birth day.
    public var birthDay: Int
    /// True for a woman.
    public var female: Bool
    /// The village of residence (`33.74.01.1001`).
    public var villageCode: String
    /// Street address.
    public var street: String
    /// RT, three digits.
    public var rt: String
    /// RW, three digits.
    public var rw: String
    /// Postal code.
    public var postalCode: String

    /// `DD-MM-YYYY`, the export's date form.
    public var birthDateExport: String { SampleDates.export(year: birthYear, month: birthMonth, day: birthDay) }
    /// `LAKI-LAKI` or `PEREMPUAN`.
    public var sexExport: String { female ? "PEREMPUAN" : "LAKI-LAKI" }
}

/// Date formatting for the sample files.
enum SampleDates {
    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `DD-MM-YYYY`.
    static func export(year: Int, month: Int, day: Int) -> String { "\(pad(day, 2))-\(pad(month, 2))-\(pad(year, 4))" }

    /// `DDMMYYYY` (inside document numbers).
    static func compact(year: Int, month: Int, day: Int) -> String { "\(pad(day, 2))\(pad(month, 2))\(pad(year, 4))" }
}
