/// `population.death.registered` 1.0.0: Dukcapil registered a death (akta kematian).
/// `Sendable` value.
public struct DeathRegistered: CanonicalEventData {
    public static let eventType = "population.death.registered"
    public static let schemaVersion = "1.0.0"

    /// Nomor akta kematian, `RRRR-KM-DDMMYYYY-NNNN`.
    public var deathCertificateNumber: String
    /// Date the death was registered.
    public var registeredOn: String
    /// Kode kabupaten/kota of registration, `NN.NN`.
    public var registrationRegencyCode: String
    /// The deceased (with `kk`).
    public var deceased: Person
    /// Date of death.
    public var dateOfDeath: String
    /// Tempat meninggal.
    public var placeOfDeath: String?

    /// Creates the data.
    public init(deathCertificateNumber: String, registeredOn: String, registrationRegencyCode: String,
                deceased: Person, dateOfDeath: String, placeOfDeath: String? = nil) {
        self.deathCertificateNumber = deathCertificateNumber
        self.registeredOn = registeredOn
        self.registrationRegencyCode = registrationRegencyCode
        self.deceased = deceased
        self.dateOfDeath = dateOfDeath
        self.placeOfDeath = placeOfDeath
    }
}
