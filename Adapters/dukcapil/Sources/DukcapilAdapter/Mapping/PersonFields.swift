import Catalogue
import GerbangKit

/// A person's columns after their checks.
struct PersonFields {
    var nik: String
    var kk: String?
    var fullName: String
    var birthPlace: String?
    var birthDate: CalendarDate
    var sex: DecodedNIK.Sex

    /// The catalogue's `common/person`.
    var model: Person {
        Person(nik: nik, kk: kk, fullName: fullName, birthPlace: birthPlace, birthDate: birthDate.description,
               sex: sex == .female ? .female : .male)
    }
}
