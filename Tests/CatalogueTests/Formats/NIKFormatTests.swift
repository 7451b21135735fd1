import Catalogue
import Testing

@Suite("nik format")
struct NIKFormatTests {
    let regions: RegionDirectory

    init() throws { regions = try TestRepository.regions() }

    @Test("accepts valid NIKs", arguments: [
        "3374014507580002", // woman, 5 July 1958, Semarang Tengah
        "3578020211260001", // man, 2 November 2026, Wonocolo, Surabaya
        "3578023012910002", // man, 30 December 1991
        "5371016209850004", // woman, 22 September 1985, Alak, Kupang
        "3374012902000001", // 29 February 2000
        "3374016902960001", // woman, 29 February 1996
        "3374013101999999", // 31 January, serial 9999
    ])
    func valid(nik: String) {
        #expect(NIKFormat.check(nik, regions: regions) == nil)
    }

    @Test("rejects invalid NIKs with their reason", arguments: [
        ("337401450758000", FormatViolation.Reason.nikLength),          // 15 digits
        ("33740145075800021", .nikLength),                               // 17 digits
        ("", .nikLength),
        ("3374014507580O02", .nikNotDigits),                             // letter O
        ("3374 14507580002", .nikNotDigits),
        ("337401450758000٢", .nikLength),                                // Arabic-Indic digit: 17 UTF-8 bytes
        ("3374174507580002", .nikUnknownRegion),                         // district 33.74.17 does not exist
        ("9999014507580002", .nikUnknownRegion),
        ("3374004507580002", .nikUnknownRegion),                         // 33.74.00
        ("3374013102800001", .nikInvalidDate),                           // 31 February
        ("3374017102800001", .nikInvalidDate),                           // woman's 31 February
        ("3374017207580002", .nikInvalidDate),                           // woman's day 72
        ("3374013207580002", .nikInvalidDate),                           // day 32
        ("3374014007580002", .nikInvalidDate),                           // day 40
        ("3374010007580002", .nikInvalidDate),                           // day 00
        ("3374011513580002", .nikInvalidDate),                           // month 13
        ("3374011500580002", .nikInvalidDate),                           // month 00
        ("3374012902990001", .nikInvalidDate),                           // 29 February 1999
        ("3374013104800001", .nikInvalidDate),                           // 31 April
        ("3374014507580000", .nikInvalidSerial),
    ])
    func invalid(nik: String, reason: FormatViolation.Reason) {
        #expect(NIKFormat.check(nik, regions: regions)?.reason == reason)
    }

    @Test("decodes sex, birth date and district")
    func decode() throws {
        let woman = try NIKFormat.decode("3374014507580002", regions: regions).get()
        #expect(woman.sex == .female)
        #expect(woman.birthDay == 5 && woman.birthMonth == 7 && woman.birthYearTwoDigits == 58)
        #expect(woman.district.description == "33.74.01")
        #expect(woman.serial == 2)
        let man = try NIKFormat.decode("3578023012910002", regions: regions).get()
        #expect(man.sex == .male)
        #expect(man.birthDay == 30 && man.birthMonth == 12 && man.birthYearTwoDigits == 91)
    }

    @Test("messages never repeat the NIK")
    func messagesHideTheValue() {
        let nik = "3374017207580002"
        let violation = NIKFormat.check(nik, regions: regions)
        #expect(violation != nil)
        #expect(violation?.message.contains(nik) == false)
    }
}
