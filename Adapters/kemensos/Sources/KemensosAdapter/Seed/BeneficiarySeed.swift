import Foundation
import GerbangKit

/// Reads the beneficiary register's seed: a CSV export of enrolled families (from the DTSEN /
/// SIKS-NG systems) with the header
/// `ID_KPM,PROGRAM,NIK,NO_KK,NAMA_PENERIMA,KODE_WILAYAH,PENYALUR,NO_REKENING,NO_KKS,NOMINAL`.
///
/// Every row is checked (id and programme shapes, a bank channel has an account, PT Pos has
/// none, a positive amount); the first bad row refuses the whole file with its line, so that a
/// register is never half seeded.
public enum BeneficiarySeed {
    /// The columns, in any order (names without regard to case).
    public static let columns = ["ID_KPM", "PROGRAM", "NIK", "NO_KK", "NAMA_PENERIMA", "KODE_WILAYAH", "PENYALUR",
                                 "NO_REKENING", "NO_KKS", "NOMINAL"]

    /// The beneficiaries of the seed file at `path`, serials in file order from 1.
    public static func read(path: String) throws(RegisterError) -> [Beneficiary] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RegisterError(.seed, "cannot read the seed file \(path)")
        }
        return try parse([UInt8](data), origin: path)
    }

    /// Parses seed bytes (see the type's description).
    public static func parse(_ bytes: [UInt8], origin: String = "seed") throws(RegisterError) -> [Beneficiary] {
        var reader = CSVReader(bytes: bytes)
        guard case .success(let header)? = reader.next() else {
            throw RegisterError(.seed, "\(origin): no header")
        }
        var index: [String: Int] = [:]
        for (position, name) in header.fields.enumerated() {
            index[name.trimmingCharacters(in: .whitespaces).uppercased()] = position
        }
        for column in columns where index[column] == nil {
            throw RegisterError(.seed, "\(origin): the header has no \(column) column")
        }
        var beneficiaries: [Beneficiary] = []
        var seen: Set<String> = []
        while let next = reader.next() {
            let record: CSVRecord
            switch next {
            case .failure(let error): throw RegisterError(.seed, "\(origin): line \(error.line): \(error.reason.rawValue)")
            case .success(let value): record = value
            }
            func field(_ column: String) -> String {
                let position = index[column]!
                return position < record.fields.count ? record.fields[position].trimmingCharacters(in: .whitespaces) : ""
            }
            func fail(_ message: String) -> RegisterError { RegisterError(.seed, "\(origin): line \(record.line): \(message)") }
            let id = field("ID_KPM")
            guard id.range(of: #"^KPM-[0-9]{4}-[0-9]{8}$"#, options: .regularExpression) != nil else { throw fail("ID_KPM is not KPM-NNNN-NNNNNNNN") }
            guard seen.insert(id).inserted else { throw fail("ID_KPM is listed twice") }
            let programme = field("PROGRAM").uppercased()
            guard Programme(rawValue: programme) != nil else { throw fail("PROGRAM is not PKH, BPNT, BLT or PBI-JK") }
            let nik = field("NIK"), kk = field("NO_KK")
            guard nik.count == 16, nik.allSatisfy(\.isNumber), kk.count == 16, kk.allSatisfy(\.isNumber) else {
                throw fail("NIK and NO_KK have 16 digits")
            }
            let name = field("NAMA_PENERIMA")
            guard (1...150).contains(name.count) else { throw fail("NAMA_PENERIMA has 1-150 characters") }
            let provider = field("PENYALUR")
            let account = field("NO_REKENING")
            if provider == "pos-indonesia" {
                guard account.isEmpty else { throw fail("PT Pos pays in cash: NO_REKENING must be empty") }
            } else {
                guard provider.hasPrefix("bank-"), (10...16).contains(account.count), account.allSatisfy(\.isNumber) else {
                    throw fail("PENYALUR is a bank (bank-…) with a NO_REKENING of 10-16 digits, or pos-indonesia")
                }
            }
            let card = field("NO_KKS")
            guard card.isEmpty || (card.count == 16 && card.allSatisfy(\.isNumber)) else { throw fail("NO_KKS has 16 digits") }
            guard let amount = Int(field("NOMINAL")), amount >= 1 else { throw fail("NOMINAL is a whole number of rupiah >= 1") }
            beneficiaries.append(Beneficiary(
                id: id, serial: beneficiaries.count + 1, programme: programme, nik: nik, kk: kk, fullName: name,
                villageCode: field("KODE_WILAYAH"), provider: provider, accountNumber: account.isEmpty ? nil : account,
                kksCardNumber: card.isEmpty ? nil : card, amount: amount
            ))
        }
        return beneficiaries
    }
}
