import Catalogue
import GerbangKit

/// An address's columns after their checks.
struct AddressFields {
    var street: String
    var rt: String?
    var rw: String?
    var village: RegionCode
    var postalCode: String?

    /// The catalogue's `common/address`.
    var model: Address {
        Address(street: street, rt: rt, rw: rw, villageCode: village.description, postalCode: postalCode)
    }
}
