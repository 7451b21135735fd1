import Catalogue
import Testing

@Suite("kode-wilayah formats")
struct RegionCodeFormatTests {
    let regions: RegionDirectory

    init() throws { regions = try TestRepository.regions() }

    @Test("accepts listed codes at the stated level", arguments: [
        ("33", RegionLevel?.some(.province)),
        ("33.74", .regency),
        ("33.74.01", .district),
        ("33.74.01.1007", .village),
        ("32.04.05.2004", .village),
        ("53.71.01.1002", nil),
        ("96", nil),
    ])
    func valid(code: String, level: RegionLevel?) {
        #expect(RegionCodeFormat.check(code, level: level, regions: regions) == nil)
    }

    @Test("rejects with the reason", arguments: [
        ("3374", RegionLevel?.some(.regency), FormatViolation.Reason.regionMalformed),
        ("33.74.01.1007.1", nil, .regionMalformed),
        ("", nil, .regionMalformed),
        ("33.74", .district, .regionWrongLevel),
        ("33.74.01.1007", .district, .regionWrongLevel),
        ("33.99", .regency, .regionUnknown),
        ("33.74.01.9999", .village, .regionUnknown),
        ("00", nil, .regionUnknown),
    ])
    func invalid(code: String, level: RegionLevel?, reason: FormatViolation.Reason) {
        #expect(RegionCodeFormat.check(code, level: level, regions: regions)?.reason == reason)
    }

    @Test("format names state the level")
    func names() {
        #expect(RegionLevel.allCases.map(RegionCodeFormat.name(for:)) == [
            "kode-wilayah-provinsi", "kode-wilayah-kabupaten", "kode-wilayah-kecamatan", "kode-wilayah-desa",
        ])
    }
}
