/// `population.birth.registered` 1.0.0: Dukcapil registered a birth (akta kelahiran).
/// `Sendable` value.
public struct BirthRegistered: CanonicalEventData {
    public static let eventType = "population.birth.registered"
    public static let schemaVersion = "1.0.0"

    /// Nomor akta kelahiran, `RRRR-LT-DDMMYYYY-NNNN` (LU when registered late).
    public var birthCertificateNumber: String
    /// Date the birth was registered.
    public var registeredOn: String
    /// Kode kabupaten/kota of registration, `NN.NN`.
    public var registrationRegencyCode: String
    /// The child (with `kk` and `birthPlace`).
    public var child: Person
    /// Anak ke-, 1–30.
    public var birthOrder: Int?
    /// The mother.
    public var mother: PersonReference
    /// The father, when known.
    public var father: PersonReference?
    /// The family's address.
    public var address: Address

    /// Creates the data.
    public init(birthCertificateNumber: String, registeredOn: String, registrationRegencyCode: String,
                child: Person, birthOrder: Int? = nil, mother: PersonReference, father: PersonReference? = nil,
                address: Address) {
        self.birthCertificateNumber = birthCertificateNumber
        self.registeredOn = registeredOn
        self.registrationRegencyCode = registrationRegencyCode
        self.child = child
        self.birthOrder = birthOrder
        self.mother = mother
        self.father = father
        self.address = address
    }
}
