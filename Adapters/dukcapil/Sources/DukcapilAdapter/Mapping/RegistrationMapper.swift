import Catalogue
import GerbangKit

/// Maps export rows to canonical population events (`population.birth.registered`,
/// `population.death.registered`, `population.address.changed`).
///
/// Besides the shape of each value, it checks what the broker would refuse, so that a bad row is
/// reported with its column before anything is sent: NIK, KK and region codes with the
/// catalogue's formats, the birth date and sex against the NIK, the document number's shape
/// and regency, the order of dates.
///
/// `Sendable`: stateless.
public enum RegistrationMapper {
    /// Maps one row.
    public static func map(_ row: ExportRow) throws(RowRejection) -> RegistrationEvent {
        let kindText = try row.required(.eventKind)
        guard let kind = ExportEventKind(exportValue: kindText) else {
            throw RowRejection(.unknownEvent, column: .eventKind, "JENIS_PERISTIWA must be LAHIR, MATI or PINDAH")
        }
        let data: RegistrationData
        let document: String
        switch kind {
        case .birth: (document, data) = try birth(row)
        case .death: (document, data) = try death(row)
        case .move: (document, data) = try move(row)
        }
        return RegistrationEvent(line: row.record.line, kind: kind, id: document, subject: document, data: data)
    }

    // MARK: Kinds

    private static func birth(_ row: ExportRow) throws(RowRejection) -> (String, RegistrationData) {
        let registeredOn = try row.date(.registeredOn)
        let (document, regency) = try documentNumber(row, marker: ["LT", "LU"], kind: "akta kelahiran")
        let child = try person(row, requiresKK: true, requiresBirthPlace: true)
        guard child.birthDate <= registeredOn else {
            throw RowRejection(.dateOrder, column: .registeredOn, "the birth is registered before it happened")
        }
        var birthOrder: Int?
        if let order = row.text(.birthOrder) {
            guard let number = Int(order), (1...30).contains(number) else {
                throw RowRejection(.invalidValue, column: .birthOrder, "ANAK_KE is a number from 1 to 30")
            }
            birthOrder = number
        }
        let data = BirthRegistered(
            birthCertificateNumber: document,
            registeredOn: registeredOn.description,
            registrationRegencyCode: regency.description,
            child: child.model,
            birthOrder: birthOrder,
            mother: try reference(row, nik: .motherNIK, name: .motherName, required: true)!,
            father: try reference(row, nik: .fatherNIK, name: .fatherName, required: false),
            address: try address(row, street: .street, rt: .rt, rw: .rw, village: .villageCode, postal: .postalCode).model
        )
        return (document, .birth(data))
    }

    private static func death(_ row: ExportRow) throws(RowRejection) -> (String, RegistrationData) {
        let registeredOn = try row.date(.registeredOn)
        let (document, regency) = try documentNumber(row, marker: ["KM"], kind: "akta kematian")
        let deceased = try person(row, requiresKK: true, requiresBirthPlace: false)
        let dateOfDeath = try row.date(.dateOfDeath)
        guard deceased.birthDate <= dateOfDeath else {
            throw RowRejection(.dateOrder, column: .dateOfDeath, "TGL_MATI is before TGL_LHR")
        }
        guard dateOfDeath <= registeredOn else {
            throw RowRejection(.dateOrder, column: .registeredOn, "the death is registered before it happened")
        }
        let data = DeathRegistered(
            deathCertificateNumber: document,
            registeredOn: registeredOn.description,
            registrationRegencyCode: regency.description,
            deceased: deceased.model,
            dateOfDeath: dateOfDeath.description,
            placeOfDeath: try row.text(.placeOfDeath, maxLength: 100)
        )
        return (document, .death(data))
    }

    private static func move(_ row: ExportRow) throws(RowRejection) -> (String, RegistrationData) {
        let registeredOn = try row.date(.registeredOn)
        let (document, _) = try documentNumber(row, marker: ["SKPWNI"], kind: "SKPWNI")
        let nik = try row.nik(.nik)
        let previousKK = try row.kk(.kk)
        let newKK = try row.kk(.newKK)
        let previous = try address(row, street: .street, rt: .rt, rw: .rw, village: .villageCode, postal: .postalCode)
        let next = try address(row, street: .newStreet, rt: .newRT, rw: .newRW, village: .newVillageCode, postal: .newPostalCode)
        let reason = try moveReason(row)
        let effective = row.text(.moveDate) == nil ? registeredOn : try row.date(.moveDate)
        var members: [String] = []
        if let list = row.text(.accompanyingNIKs) {
            for item in list.split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "|" }) {
                let member = String(item)
                if let violation = NIKFormat.check(member, regions: row.regions) {
                    throw RowRejection(code: violation.reason.rawValue, column: ExportColumn.accompanyingNIKs.rawValue,
                                       message: violation.message)
                }
                guard member != nik, !members.contains(member) else {
                    throw RowRejection(.invalidValue, column: .accompanyingNIKs, "NIK_PENGIKUT repeats a NIK")
                }
                members.append(member)
            }
            guard members.count <= 20 else {
                throw RowRejection(.invalidValue, column: .accompanyingNIKs, "NIK_PENGIKUT lists more than 20 people")
            }
        }
        let data = AddressChanged(
            movingCertificateNumber: document,
            nik: nik,
            previousKk: previousKK,
            newKk: newKK,
            previousAddress: previous.model,
            newAddress: next.model,
            movementType: movementType(from: previous.village, to: next.village),
            reason: reason,
            effectiveDate: effective.description,
            accompanyingFamilyMembers: members.isEmpty ? nil : members
        )
        return (document, .move(data))
    }

    // MARK: Parts

    /// The document number `<regency 4 digits>-<marker>-<DDMMYYYY>-<4 digits>` and its regency,
    /// which must be in the Kemendagri list.
    private static func documentNumber(_ row: ExportRow, marker: Set<String>, kind: String) throws(RowRejection) -> (String, RegionCode) {
        let value = try row.required(.documentNumber).uppercased()
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, marker.contains(String(parts[1])),
              parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigitCharacter),
              parts[2].count == 8, parts[2].allSatisfy(\.isASCIIDigitCharacter),
              parts[3].count == 4, parts[3].allSatisfy(\.isASCIIDigitCharacter)
        else {
            throw RowRejection(.invalidDocumentNumber, column: .documentNumber,
                               "NO_DOKUMEN is not a \(kind) number (NNNN-\(marker.sorted().joined(separator: "/"))-DDMMYYYY-NNNN)")
        }
        let digits = parts[0]
        let dotted = "\(digits.prefix(2)).\(digits.suffix(2))"
        if let violation = RegionCodeFormat.check(dotted, level: .regency, regions: row.regions) {
            throw RowRejection(code: violation.reason.rawValue, column: ExportColumn.documentNumber.rawValue,
                               message: "the document number's regency: " + violation.message)
        }
        return (value, RegionCode(dotted: dotted)!)
    }

    /// The person the row is about, with the NIK's birth date and sex checked against the columns.
    private static func person(_ row: ExportRow, requiresKK: Bool, requiresBirthPlace: Bool) throws(RowRejection) -> PersonFields {
        let nik = try row.nik(.nik)
        let kk: String? = requiresKK ? try row.kk(.kk) : (row.text(.kk) == nil ? nil : try row.kk(.kk))
        let fullName = try row.required(.fullName, maxLength: 150)
        let birthPlace = requiresBirthPlace ? try row.required(.birthPlace, maxLength: 100) : try row.text(.birthPlace, maxLength: 100)
        let birthDate = try row.date(.birthDate)
        let sex = try row.sex(.sex)
        guard case .success(let decoded) = NIKFormat.decode(nik, regions: row.regions) else {
            throw RowRejection(.nikMismatch, column: .nik, "the NIK cannot be decoded")
        }
        guard decoded.sex == sex else {
            throw RowRejection(.nikMismatch, column: .sex, "JENIS_KLMIN disagrees with the NIK (day + 40 for women)")
        }
        guard decoded.birthDay == birthDate.day, decoded.birthMonth == birthDate.month,
              decoded.birthYearTwoDigits == birthDate.year % 100 else {
            throw RowRejection(.nikMismatch, column: .birthDate, "TGL_LHR disagrees with the NIK's digits 7-12")
        }
        return PersonFields(nik: nik, kk: kk, fullName: fullName, birthPlace: birthPlace, birthDate: birthDate, sex: sex)
    }

    /// A parent: NIK and name, both present or (when not required) both absent.
    private static func reference(_ row: ExportRow, nik: ExportColumn, name: ExportColumn, required: Bool) throws(RowRejection) -> PersonReference? {
        if !required, row.text(nik) == nil, row.text(name) == nil { return nil }
        return PersonReference(nik: try row.nik(nik), fullName: try row.required(name, maxLength: 150))
    }

    private static func address(_ row: ExportRow, street: ExportColumn, rt: ExportColumn, rw: ExportColumn,
                                village: ExportColumn, postal: ExportColumn) throws(RowRejection) -> AddressFields {
        AddressFields(
            street: try row.required(street, maxLength: 200),
            rt: try row.neighbourhoodNumber(rt),
            rw: try row.neighbourhoodNumber(rw),
            village: try row.villageCode(village),
            postalCode: try row.postalCode(postal)
        )
    }

    private static func moveReason(_ row: ExportRow) throws(RowRejection) -> AddressChanged.Reason {
        switch try row.required(.moveReason).uppercased() {
        case "PEKERJAAN": return .work
        case "PENDIDIKAN": return .education
        case "KELUARGA": return .family
        case "PERUMAHAN": return .housing
        case "KESEHATAN": return .health
        case "KEAMANAN": return .security
        case "LAINNYA": return .other
        default:
            throw RowRejection(.invalidValue, column: .moveReason,
                               "ALASAN_PINDAH must be PEKERJAAN, PENDIDIKAN, KELUARGA, PERUMAHAN, KESEHATAN, KEAMANAN or LAINNYA")
        }
    }

    /// Klasifikasi pindah, from the two village codes: same regency, same province, or neither.
    static func movementType(from previous: RegionCode, to next: RegionCode) -> AddressChanged.MovementType {
        let previousRegency = previous.packed / 1_000_000
        let nextRegency = next.packed / 1_000_000
        if previousRegency == nextRegency { return .intraRegency }
        if previousRegency / 100 == nextRegency / 100 { return .interRegency }
        return .interProvince
    }
}
