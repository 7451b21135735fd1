import Catalogue
import Testing

@Suite("kk format")
struct KKFormatTests {
    let regions: RegionDirectory

    init() throws { regions = try TestRepository.regions() }

    @Test("accepts valid KK numbers", arguments: [
        "3374011501140021", // issued 15 January 2014, Semarang Tengah
        "3578021008180009",
        "3310012003150008",
        "3374092902160001", // 29 February 2016
    ])
    func valid(kk: String) {
        #expect(KKFormat.check(kk, regions: regions) == nil)
    }

    @Test("rejects invalid KK numbers with their reason", arguments: [
        ("337401150114002", FormatViolation.Reason.kkLength),
        ("33740115011400211", .kkLength),
        ("33740115011400X1", .kkNotDigits),
        ("3374171501140021", .kkUnknownRegion),
        ("3374015501140021", .kkInvalidDate), // no 40 is added for a family card
        ("3374013102140021", .kkInvalidDate), // 31 February
        ("3374012902150021", .kkInvalidDate), // 29 February 2015
        ("3374011501140000", .kkInvalidSerial),
    ])
    func invalid(kk: String, reason: FormatViolation.Reason) {
        #expect(KKFormat.check(kk, regions: regions)?.reason == reason)
    }
}
