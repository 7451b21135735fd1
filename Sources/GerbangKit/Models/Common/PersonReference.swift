/// A person named by NIK and full name only (`common/person#reference`): a parent, a payee.
/// `Sendable` value.
public struct PersonReference: Codable, Sendable, Hashable {
    /// Nomor Induk Kependudukan, 16 digits.
    public var nik: String
    /// Nama lengkap.
    public var fullName: String

    /// Creates a reference.
    public init(nik: String, fullName: String) {
        self.nik = nik
        self.fullName = fullName
    }
}
