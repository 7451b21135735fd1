import Catalogue
import Testing

@Suite("RegionDirectory")
struct RegionDirectoryTests {
    let regions: RegionDirectory

    init() throws { regions = try TestRepository.regions() }

    @Test("loads every level of the 2025 list")
    func counts() {
        #expect(regions.count(at: .province) == 38)
        #expect(regions.count(at: .regency) == 514)
        #expect(regions.count(at: .district) == 7_285)
        #expect(regions.count(at: .village) == 83_762)
    }

    @Test("answers whether a code exists at a level")
    func lookups() {
        #expect(regions.contains(dotted: "33", level: .province))
        #expect(regions.contains(dotted: "33.74", level: .regency))
        #expect(regions.contains(dotted: "33.74.01", level: .district))
        #expect(regions.contains(dotted: "33.74.01.1007", level: .village))
        #expect(!regions.contains(dotted: "33.74", level: .district))
        #expect(!regions.contains(dotted: "33.99", level: .regency))
        #expect(!regions.contains(dotted: "33.74.01.9999", level: .village))
        #expect(!regions.contains(dotted: "00", level: .province))
    }

    @Test("parses dotted codes by shape only", arguments: [
        ("11", RegionLevel.province, 11),
        ("11.01", .regency, 1101),
        ("11.01.01", .district, 110101),
        ("11.01.01.2001", .village, 1_101_012_001),
    ])
    func parsing(text: String, level: RegionLevel, packed: Int) throws {
        let code = try #require(RegionCode(dotted: text))
        #expect(code.level == level)
        #expect(code.packed == packed)
        #expect(code.description == text)
    }

    @Test("rejects malformed codes", arguments: ["", "3", "337", "3374", "33-74", "33.7", "33.74.1", "33.74.01.100", "33.74.01.10011", "3a.74", " 33", "33.74.01.1001 ", "٣٣"])
    func malformed(text: String) {
        #expect(RegionCode(dotted: text) == nil)
    }

    @Test("the parent of a village is its district")
    func parent() throws {
        let village = try #require(RegionCode(dotted: "33.74.01.1007"))
        #expect(village.parent?.description == "33.74.01")
        #expect(village.parent?.parent?.description == "33.74")
        #expect(village.parent?.parent?.parent?.description == "33")
        #expect(village.parent?.parent?.parent?.parent == nil)
    }

    @Test("rejects a malformed list with a reason code and line", arguments: [
        ("kode,name,tingkat\n11,Aceh,provinsi\n", RegionDirectoryError.Reason.badHeader, 1),
        ("kode,nama,tingkat\n11,Aceh,provinsi\n11.01,Aceh Selatan\n", .malformedRow, 3),
        ("kode,nama,tingkat\n11,Aceh,kecamatan\n", .levelMismatch, 2),
        ("kode,nama,tingkat\n11,Aceh,provinsi\n11.01.01,Bakongan,kecamatan\n", .missingParent, 3),
        ("kode,nama,tingkat\n11,Aceh,provinsi\n11,Aceh,provinsi\n", .duplicateCode, 3),
    ])
    func malformedList(csv: String, reason: RegionDirectoryError.Reason, line: Int) {
        #expect {
            _ = try RegionDirectory(csv: Array(csv.utf8))
        } throws: { error in
            let error = error as? RegionDirectoryError
            return error?.reason == reason && error?.line == line
        }
    }

    @Test("rejects an empty list and a missing file")
    func emptyAndMissing() {
        #expect(throws: RegionDirectoryError.self) { try RegionDirectory(csv: Array("kode,nama,tingkat\n".utf8)) }
        #expect {
            _ = try RegionDirectory(contentsOfFile: "/nonexistent/wilayah.csv")
        } throws: { ($0 as? RegionDirectoryError)?.reason == .unreadable }
    }

    @Test("accepts CRLF line ends and quoted names with commas")
    func crlfAndQuotes() throws {
        let csv = "kode,nama,tingkat\r\n12,Sumatera Utara,provinsi\r\n12.07,Deli Serdang,kabupaten_kota\r\n12.07.28,Lubuk Pakam,kecamatan\r\n12.07.28.1007,\"Lubuk Pakam I,II\",desa_kelurahan\r\n"
        let directory = try RegionDirectory(csv: Array(csv.utf8))
        #expect(directory.contains(dotted: "12.07.28.1007", level: .village))
    }
}
