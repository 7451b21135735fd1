import Admin
import Testing

@Suite struct MaskingTests {
    @Test func aNIKKeepsItsFirstFourAndLastTwoDigits() {
        #expect(PersonalDataMask.maskNIKs(in: "3201234567890101") == "3201**********01")
        #expect(PersonalDataMask.maskNIKs(in: "nik 3374014507580002, kk 33740115011400219") == "nik 3374**********02, kk 33740115011400219")
        #expect(PersonalDataMask.maskNIKs(in: "3374-KM-19112026-0153") == "3374-KM-19112026-0153")
    }

    @Test func namesBecomeInitials() {
        #expect(PersonalDataMask.initials(of: "Siti Aminah") == "S. A.")
        let body = Array(#"{"data":{"deceased":{"fullName":"Siti Aminah","nik":"3374014507580002"}},"type":"x"}"#.utf8)
        let masked = PersonalDataMask.maskJSON(body, unmask: false)
        #expect(masked.contains("\"S. A.\""))
        #expect(masked.contains("3374**********02"))
        #expect(!masked.contains("Siti"))
        #expect(PersonalDataMask.maskJSON(body, unmask: true).contains("Siti Aminah"))
    }
}
