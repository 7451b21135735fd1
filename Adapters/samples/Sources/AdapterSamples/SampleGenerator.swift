import BankAdapter
import Foundation

/// Generates consistent sample data: a Kemensos beneficiary register seed and Dukcapil
/// civil-registration exports (births, deaths, moves) in which chosen beneficiaries die or move
/// and chosen rows are malformed in known ways. Deterministic for a seed.
///
/// Not `Sendable`: a generator with state (random numbers, serials); use it on one task.
public struct SampleGenerator {
    /// The kinds of malformed rows, with the reason the adapter must report (cycled through).
    public static let defects: [(name: String, reason: String)] = [
        ("nik-date", "nik.invalid-date"), ("nik-length", "nik.length"), ("nik-region", "nik.unknown-region"),
        ("sex", "row.nik-mismatch"), ("village", "kode-wilayah.unknown"), ("date", "row.invalid-date"),
        ("name", "row.missing-field"), ("event", "row.unknown-event"), ("document", "row.invalid-document-number"),
        ("date-order", "row.date-order"), ("kk", "kk.invalid-date"), ("quote", "csv.unterminated-quote"),
        ("fields", "row.field-count"), ("duplicate", "row.duplicate-document"), ("move-reason", "row.invalid-value"),
        ("village-level", "kode-wilayah.wrong-level"), ("rt", "row.invalid-value"), ("sex-value", "row.invalid-sex"),
        ("birth-after-registration", "row.date-order"), ("postal", "row.invalid-value"),
    ]

    /// The export's columns, in the order written.
    public static let exportColumns = [
        "JENIS_PERISTIWA", "NO_DOKUMEN", "TGL_CATAT", "NIK", "NO_KK", "NAMA_LGKP", "TMPT_LHR", "TGL_LHR", "JENIS_KLMIN",
        "ALAMAT", "NO_RT", "NO_RW", "KODE_WILAYAH", "KODE_POS", "ANAK_KE", "NIK_IBU", "NAMA_IBU", "NIK_AYAH", "NAMA_AYAH",
        "TGL_MATI", "TMPT_MATI", "NO_KK_BARU", "ALAMAT_TUJUAN", "NO_RT_TUJUAN", "NO_RW_TUJUAN", "KODE_WILAYAH_TUJUAN",
        "KODE_POS_TUJUAN", "ALASAN_PINDAH", "TGL_PINDAH", "NIK_PENGIKUT",
    ]

    private var random: SampleRandom
    private let regions: SampleRegions
    private var usedNIKs: Set<String> = []
    private var nextDocumentSerial: Int
    private var nextBeneficiarySerial = 1

    /// A generator; document numbers start at `firstDocumentSerial` (use different values for
    /// exports that must not share document numbers).
    public init(seed: UInt64, regions: SampleRegions, firstDocumentSerial: Int = 1) {
        random = SampleRandom(seed: seed)
        self.regions = regions
        nextDocumentSerial = firstDocumentSerial
    }

    // MARK: People

    private static let givenNames = ["Siti", "Sri", "Dewi", "Budi", "Agus", "Eko", "Rina", "Wahyu", "Joko", "Ratna", "Slamet",
                                     "Yuni", "Bambang", "Endang", "Hadi", "Lestari", "Andi", "Maria", "Yohanes", "Nur", "Putri",
                                     "Rizky", "Dian", "Fitri", "Hendra", "Indah", "Kartini", "Made", "Ketut", "Nyoman"]
    private static let familyNames = ["Aminah", "Wahyuni", "Santoso", "Lestari", "Pratama", "Saputra", "Hidayat", "Susanti",
                                      "Nugroho", "Siregar", "Nasution", "Simanjuntak", "Nenobais", "Kurniawan", "Rahmawati",
                                      "Setiawan", "Handayani", "Wibowo", "Purnomo", "Harahap"]
    private static let streets = ["Jl. Pandanaran", "Jl. Diponegoro", "Jl. Merdeka", "Dukuh Krajan", "Gg. Mawar", "Jl. Kenanga",
                                  "Perumahan Griya Asri Blok", "Jl. Sudirman", "Dusun Sukamaju", "Jl. Ahmad Yani"]

    private mutating func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
    private mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    /// A new resident born between `years` with a NIK no other generated person has.
    public mutating func person(born years: ClosedRange<Int>, village: String? = nil) -> SamplePerson {
        let village = village ?? pick(regions.villages)
        let district = village.prefix(8).replacingOccurrences(of: ".", with: "")
        while true {
            let year = number(years), month = number(1...12), day = number(1...28)
            let female = random.next() % 2 == 0
            let nik = district + SampleDates.pad(day + (female ? 40 : 0), 2) + SampleDates.pad(month, 2)
                + SampleDates.pad(year % 100, 2) + SampleDates.pad(number(1...9_999), 4)
            guard usedNIKs.insert(nik).inserted else { continue }
            let issued = (year: number(2000...2025), month: number(1...12), day: number(1...28))
            let kk = district + SampleDates.pad(issued.day, 2) + SampleDates.pad(issued.month, 2)
                + SampleDates.pad(issued.year % 100, 2) + SampleDates.pad(number(1...9_999), 4)
            let regency = String(village.prefix(5))
            return SamplePerson(
                nik: nik, kk: kk, fullName: "\(pick(Self.givenNames)) \(pick(Self.familyNames))",
                birthPlace: regions.regencyNames[regency] ?? "Semarang", birthYear: year, birthMonth: month, birthDay: day,
                female: female, villageCode: village, street: "\(pick(Self.streets)) No. \(number(1...200))",
                rt: SampleDates.pad(number(1...15), 3), rw: SampleDates.pad(number(1...12), 3),
                postalCode: String(number(50_111...69_999))
            )
        }
    }

    /// `count` beneficiaries paid by `provider`; the first `invalidAccounts` have an account
    /// number with a wrong check digit (the bank refuses them for good).
    public mutating func beneficiaries(count: Int, invalidAccounts: Int = 0, provider: String = "bank-bri") -> [SampleBeneficiary] {
        (0..<count).map { index in
            let person = person(born: 1950...1995)
            let programme = pick(["PKH", "BPNT", "BLT", "PKH"])
            let amount = ["PKH": 750_000, "BPNT": 600_000, "BLT": 600_000][programme] ?? 600_000
            let serial = nextBeneficiarySerial
            nextBeneficiarySerial += 1
            let regency = person.villageCode.prefix(5).replacingOccurrences(of: ".", with: "")
            var account = AccountNumber.completing(SampleDates.pad(33_980_100_000_000 + serial, 14))
            if index < invalidAccounts {
                let last = account.removeLast()
                account.append(last == "9" ? "0" : Character(String((Int(String(last))! + 1) % 10)))
            }
            return SampleBeneficiary(
                id: "KPM-\(regency)-\(SampleDates.pad(serial, 8))", person: person, programme: programme, provider: provider,
                accountNumber: account, kksCardNumber: "60130112" + SampleDates.pad(serial, 8), amount: amount
            )
        }
    }

    // MARK: Exports

    /// An export of `rows` data rows: the deaths of `deceased`, the moves of `moving`,
    /// `malformed` rows with the defects of ``defects`` in turn, and births, deaths and moves of
    /// other residents for the rest, shuffled. Registered in November 2026.
    public mutating func export(rows: Int, deceased: [SampleBeneficiary] = [], moving: [SampleBeneficiary] = [],
                                malformed: Int = 0) -> (text: String, expectations: SampleExpectations) {
        precondition(deceased.count + moving.count + malformed <= rows, "more special rows than rows")
        enum Plan { case death(SampleBeneficiary?), move(SampleBeneficiary?), birth, defect(Int) }
        var plans: [Plan] = deceased.map { .death($0) } + moving.map { .move($0) } + (0..<malformed).map { .defect($0) }
        while plans.count < rows {
            switch random.next() % 3 {
            case 0: plans.append(.birth)
            case 1: plans.append(.death(nil))
            default: plans.append(.move(nil))
            }
        }
        plans.shuffle(using: &random)
        // A duplicate needs an earlier good row: keep defects out of the first line.
        if case .defect = plans.first, let swap = plans.firstIndex(where: { if case .defect = $0 { false } else { true } }) {
            plans.swapAt(0, swap)
        }

        var expectations = SampleExpectations()
        var lines = [Self.exportColumns.joined(separator: ",")]
        var lastGood: [String: String]?
        for plan in plans {
            let line = lines.count + 1
            expectations.rows += 1
            switch plan {
            case .birth:
                let row = birthRow()
                lines.append(Self.csvLine(row))
                lastGood = row
                expectations.births += 1
            case .death(let beneficiary):
                let row = deathRow(of: beneficiary?.person ?? person(born: 1930...1990))
                lines.append(Self.csvLine(row))
                lastGood = row
                expectations.deaths += 1
                if let beneficiary { expectations.deceasedBeneficiaries.insert(beneficiary.id) }
            case .move(let beneficiary):
                let row = moveRow(of: beneficiary?.person ?? person(born: 1960...2000))
                lines.append(Self.csvLine(row))
                lastGood = row
                expectations.moves += 1
                if let beneficiary { expectations.movedBeneficiaries.insert(beneficiary.id) }
            case .defect(let index):
                let defect = Self.defects[index % Self.defects.count]
                lines.append(defectLine(defect.name, duplicateOf: lastGood!))
                expectations.malformed[line] = defect.reason
            }
        }
        return (lines.joined(separator: "\n") + "\n", expectations)
    }

    private mutating func documentNumber(_ marker: String, regency: String, registered: (Int, Int, Int)) -> String {
        let serial = nextDocumentSerial
        nextDocumentSerial += 1
        return "\(regency.replacingOccurrences(of: ".", with: ""))-\(marker)-"
            + "\(SampleDates.compact(year: registered.0, month: registered.1, day: registered.2))-\(SampleDates.pad(serial % 10_000, 4))"
    }

    private mutating func birthRow() -> [String: String] {
        let mother = person(born: 1985...2002)
        let father = person(born: 1980...2000, village: mother.villageCode)
        let day = number(1...20)
        var child = person(born: 2026...2026, village: mother.villageCode)
        // Born in November 2026, registered a few days later.
        usedNIKs.remove(child.nik)
        child.birthMonth = 11
        child.birthDay = day
        child.nik = String(child.nik.prefix(6)) + SampleDates.pad(day + (child.female ? 40 : 0), 2) + "1126" + String(child.nik.suffix(4))
        usedNIKs.insert(child.nik)
        child.kk = mother.kk
        let registered = (2026, 11, day + number(1...5))
        return [
            "JENIS_PERISTIWA": "LAHIR",
            "NO_DOKUMEN": documentNumber("LT", regency: String(child.villageCode.prefix(5)), registered: registered),
            "TGL_CATAT": SampleDates.export(year: registered.0, month: registered.1, day: registered.2),
            "NIK": child.nik, "NO_KK": child.kk, "NAMA_LGKP": child.fullName, "TMPT_LHR": child.birthPlace,
            "TGL_LHR": child.birthDateExport, "JENIS_KLMIN": child.sexExport, "ALAMAT": mother.street, "NO_RT": mother.rt,
            "NO_RW": mother.rw, "KODE_WILAYAH": mother.villageCode, "KODE_POS": mother.postalCode, "ANAK_KE": String(number(1...4)),
            "NIK_IBU": mother.nik, "NAMA_IBU": mother.fullName, "NIK_AYAH": father.nik, "NAMA_AYAH": father.fullName,
        ]
    }

    private mutating func deathRow(of person: SamplePerson) -> [String: String] {
        let day = number(1...20)
        let registered = (2026, 11, day + number(1...5))
        return [
            "JENIS_PERISTIWA": "MATI",
            "NO_DOKUMEN": documentNumber("KM", regency: String(person.villageCode.prefix(5)), registered: registered),
            "TGL_CATAT": SampleDates.export(year: registered.0, month: registered.1, day: registered.2),
            "NIK": person.nik, "NO_KK": person.kk, "NAMA_LGKP": person.fullName, "TMPT_LHR": person.birthPlace,
            "TGL_LHR": person.birthDateExport, "JENIS_KLMIN": person.sexExport,
            "TGL_MATI": SampleDates.export(year: 2026, month: 11, day: day), "TMPT_MATI": "RSUD \(person.birthPlace)",
        ]
    }

    private mutating func moveRow(of person: SamplePerson) -> [String: String] {
        let destination = self.person(born: 1990...1990)
        usedNIKs.remove(destination.nik)
        let day = number(1...25)
        let registered = (2026, 11, day)
        return [
            "JENIS_PERISTIWA": "PINDAH",
            "NO_DOKUMEN": documentNumber("SKPWNI", regency: String(person.villageCode.prefix(5)), registered: registered),
            "TGL_CATAT": SampleDates.export(year: registered.0, month: registered.1, day: registered.2),
            "NIK": person.nik, "NO_KK": person.kk, "NO_KK_BARU": destination.kk,
            "ALAMAT": person.street, "NO_RT": person.rt, "NO_RW": person.rw, "KODE_WILAYAH": person.villageCode,
            "KODE_POS": person.postalCode, "ALAMAT_TUJUAN": destination.street, "NO_RT_TUJUAN": destination.rt,
            "NO_RW_TUJUAN": destination.rw, "KODE_WILAYAH_TUJUAN": destination.villageCode, "KODE_POS_TUJUAN": destination.postalCode,
            "ALASAN_PINDAH": pick(["PEKERJAAN", "KELUARGA", "PENDIDIKAN", "PERUMAHAN"]),
            "TGL_PINDAH": SampleDates.export(year: 2026, month: 11, day: day),
        ]
    }

    /// A row with one known defect (see ``defects``).
    private mutating func defectLine(_ defect: String, duplicateOf previous: [String: String]) -> String {
        var row = deathRow(of: person(born: 1940...1980))
        switch defect {
        case "nik-date": row["NIK"] = String(row["NIK"]!.prefix(6)) + "7202" + String(row["NIK"]!.suffix(6)) // day 72 - 40 = 32
        case "nik-length": row["NIK"] = String(row["NIK"]!.dropLast())
        case "nik-region": row["NIK"] = "99" + row["NIK"]!.dropFirst(2)
        case "sex": row["JENIS_KLMIN"] = row["JENIS_KLMIN"] == "PEREMPUAN" ? "LAKI-LAKI" : "PEREMPUAN"
        case "village":
            row = birthRow()
            row["KODE_WILAYAH"] = String(row["KODE_WILAYAH"]!.prefix(9)) + "9999"
        case "date": row["TGL_MATI"] = "31-02-2026"
        case "name": row["NAMA_LGKP"] = ""
        case "event": row["JENIS_PERISTIWA"] = "CERAI"
        case "document": row["NO_DOKUMEN"] = "KM/\(number(1...999))/2026"
        case "date-order": row["TGL_MATI"] = "01-01-1900"
        case "kk": row["NO_KK"] = String(row["NO_KK"]!.prefix(6)) + "3213" + String(row["NO_KK"]!.suffix(6))
        case "quote":
            let name = row["NAMA_LGKP"]!
            return Self.csvLine(row).replacingOccurrences(of: ",\(name),", with: ",\"\(name),")
        case "fields": return Self.csvLine(row) + ",EXTRA"
        case "duplicate": return Self.csvLine(previous)
        case "move-reason":
            row = moveRow(of: person(born: 1970...1990))
            row["ALASAN_PINDAH"] = "MUDIK"
        case "village-level":
            row = moveRow(of: person(born: 1970...1990))
            row["KODE_WILAYAH_TUJUAN"] = String(row["KODE_WILAYAH_TUJUAN"]!.prefix(8))
        case "rt":
            row = birthRow()
            row["NO_RT"] = "12A"
        case "sex-value": row["JENIS_KLMIN"] = "W"
        case "birth-after-registration":
            row = birthRow()
            row["TGL_CATAT"] = "01-11-2026"
            row["TGL_LHR"] = row["TGL_LHR"]! // born later than registered unless born on the 1st
            if row["TGL_LHR"]!.hasPrefix("01-") { row["TGL_CATAT"] = "31-10-2026" }
        case "postal": row = birthRow(); row["KODE_POS"] = "0123"
        default: preconditionFailure("unknown defect \(defect)")
        }
        return Self.csvLine(row)
    }

    /// One CSV line with `values` in their columns (quoted when needed).
    static func csvLine(_ values: [String: String]) -> String {
        exportColumns.map { column in
            let value = values[column] ?? ""
            return value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }.joined(separator: ",")
    }
}
