/// An Indonesian address (`common/address`). `Sendable` value.
public struct Address: Codable, Sendable, Hashable {
    /// Street, number, hamlet or housing block.
    public var street: String
    /// Rukun Tetangga, three digits.
    public var rt: String?
    /// Rukun Warga, three digits.
    public var rw: String?
    /// Kode desa/kelurahan `NN.NN.NN.NNNN` (must exist in the Kemendagri list).
    public var villageCode: String
    /// Kode pos, five digits.
    public var postalCode: String?

    /// Creates an address.
    public init(street: String, rt: String? = nil, rw: String? = nil, villageCode: String, postalCode: String? = nil) {
        self.street = street
        self.rt = rt
        self.rw = rw
        self.villageCode = villageCode
        self.postalCode = postalCode
    }
}
