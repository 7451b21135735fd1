import KemensosAdapter
import Testing

@Suite struct BeneficiarySeedTests {
    private let header = "ID_KPM,PROGRAM,NIK,NO_KK,NAMA_PENERIMA,KODE_WILAYAH,PENYALUR,NO_REKENING,NO_KKS,NOMINAL"

    private func parse(_ rows: [String]) throws(RegisterError) -> [Beneficiary] {
        try BeneficiarySeed.parse(Array(([header] + rows).joined(separator: "\n").utf8))
    }

    @Test func aSeedBecomesEligibleBeneficiariesWithSerialsInFileOrder() throws {
        let beneficiaries = try parse([
            "KPM-3310-00481207,PKH,3310015402900001,3310012003150008,Sri Wahyuni,33.10.01.2002,bank-bri,339801020456503,6013011298004517,750000",
            "KPM-3374-00012345,bpnt,3374014507580002,3374011501140021,\"Aminah, Siti\",33.74.01.1007,pos-indonesia,,,200000",
        ])
        #expect(beneficiaries.map(\.serial) == [1, 2])
        #expect(beneficiaries[0].accountNumber == "339801020456503")
        #expect(beneficiaries[1].programme == "BPNT")
        #expect(beneficiaries[1].fullName == "Aminah, Siti")
        #expect(beneficiaries[1].accountNumber == nil)
        #expect(beneficiaries.allSatisfy { $0.status == .eligible })
    }

    @Test(arguments: [
        ("KPM-33-1,PKH,3310015402900001,3310012003150008,A,33.10.01.2002,bank-bri,339801020456503,,1", "ID_KPM"),
        ("KPM-3310-00481207,PKH-X,3310015402900001,3310012003150008,A,33.10.01.2002,bank-bri,339801020456503,,1", "PROGRAM"),
        ("KPM-3310-00481207,PKH,331001540290,3310012003150008,A,33.10.01.2002,bank-bri,339801020456503,,1", "NIK"),
        ("KPM-3310-00481207,PKH,3310015402900001,3310012003150008,A,33.10.01.2002,bank-bri,,,1", "PENYALUR"),
        ("KPM-3310-00481207,PKH,3310015402900001,3310012003150008,A,33.10.01.2002,pos-indonesia,339801020456503,,1", "NO_REKENING"),
        ("KPM-3310-00481207,PKH,3310015402900001,3310012003150008,A,33.10.01.2002,bank-bri,339801020456503,,0", "NOMINAL"),
    ])
    func aBadRowRefusesTheWholeSeedWithItsLine(row: String, column: String) {
        #expect {
            _ = try parse(["KPM-3374-00012345,BLT,3374014507580002,3374011501140021,B,33.74.01.1007,bank-bri,339801000000012,,600000", row])
        } throws: { error in
            guard let error = error as? RegisterError else { return false }
            return error.reason == .seed && error.message.contains("line 3") && error.message.contains(column)
        }
    }

    @Test func aSeedWithoutARequiredColumnOrWithARepeatedIDIsRefused() {
        #expect(throws: RegisterError.self) { _ = try BeneficiarySeed.parse(Array("ID_KPM,PROGRAM\n".utf8)) }
        let row = "KPM-3374-00012345,BLT,3374014507580002,3374011501140021,B,33.74.01.1007,bank-bri,339801000000012,,600000"
        #expect(throws: RegisterError.self) { _ = try parse([row, row]) }
    }
}
