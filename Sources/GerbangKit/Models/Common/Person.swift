/// A person as the population registry records them (`common/person`). `Sendable` value.
public struct Person: Codable, Sendable, Hashable {
    /// Nomor Induk Kependudukan, 16 digits.
    public var nik: String
    /// Nomor Kartu Keluarga, 16 digits (required where a schema says so).
    public var kk: String?
    /// Nama lengkap.
    public var fullName: String
    /// Tempat lahir.
    public var birthPlace: String?
    /// Tanggal lahir, `YYYY-MM-DD`; agrees with the NIK.
    public var birthDate: String
    /// Jenis kelamin; agrees with the NIK.
    public var sex: Sex

    /// Jenis kelamin. `Sendable`: a plain enum.
    public enum Sex: String, Codable, Sendable, Hashable, CaseIterable {
        /// LAKI-LAKI.
        case male
        /// PEREMPUAN.
        case female
    }

    /// Creates a person.
    public init(nik: String, kk: String? = nil, fullName: String, birthPlace: String? = nil, birthDate: String, sex: Sex) {
        self.nik = nik
        self.kk = kk
        self.fullName = fullName
        self.birthPlace = birthPlace
        self.birthDate = birthDate
        self.sex = sex
    }
}
