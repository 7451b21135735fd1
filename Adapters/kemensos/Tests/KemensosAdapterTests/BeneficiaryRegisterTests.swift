import Foundation
import KemensosAdapter
import Testing

@Suite struct BeneficiaryRegisterTests {
    private func makeRegister() throws -> (BeneficiaryRegister, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kemensos-test-\(UUID().uuidString)")
        return (try BeneficiaryRegister(path: directory.appendingPathComponent("register.sqlite").path), directory)
    }

    private func beneficiary(_ serial: Int, nik: String = "3374014507580002") -> Beneficiary {
        Beneficiary(id: "KPM-3374-\(String(format: "%08d", serial))", serial: serial, programme: serial % 2 == 0 ? "PKH" : "PBI-JK",
                    nik: nik, kk: "3374011501140021", fullName: "Siti Aminah", villageCode: "33.74.01.1007",
                    provider: "bank-bri", accountNumber: "339801020456503", kksCardNumber: nil, amount: 750_000)
    }

    @Test func periodsAndDisbursementIDs() {
        #expect(DisbursementPeriod("2026-Q4") == .quarter(year: 2026, quarter: 4))
        #expect(DisbursementPeriod("2026-11") == .month(year: 2026, month: 11))
        #expect(DisbursementPeriod("2026-Q5") == nil)
        #expect(DisbursementPeriod("2026-13") == nil)
        #expect(DisbursementPeriod("1999-01") == nil)
        #expect(DisbursementPeriod("2026-Q4")!.disbursementID(programme: "PKH", serial: 42) == "PKH-2026Q4-00000042")
        #expect(DisbursementPeriod("2026-03")!.disbursementID(programme: "PBI-JK", serial: 7) == "PBIJK-202603-00000007")
        let november = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                      year: 2026, month: 12, day: 31, hour: 18).date!
        // 31 December 18:00 UTC is already 1 January in Jakarta.
        #expect(DisbursementPeriod.current(.quarter, at: november).description == "2027-Q1")
        #expect(DisbursementPeriod.current(.month, at: november).description == "2027-01")
    }

    @Test func enrollRevokeAndDisburseOncePerPeriod() throws {
        let (register, directory) = try makeRegister()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try register.enroll([beneficiary(1), beneficiary(2, nik: "3374015507600003"), beneficiary(3, nik: "3374015507600004")]) == 3)
        #expect(try register.enroll([beneficiary(1)]) == 0)
        #expect(try register.beneficiaries(nik: "3374014507580002").map(\.id) == ["KPM-3374-00000001"])

        try register.markRevoked("KPM-3374-00000002", reason: "deceased", effectiveDate: "2026-11-17", document: "3374-KM-19112026-0153")
        let period = DisbursementPeriod("2026-Q4")!
        let first = try register.prepareDisbursements(period: period.description, requestedOn: "2026-11-20") {
            period.disbursementID(programme: $0.programme, serial: $0.serial)
        }
        #expect(first.map(\.0.id) == ["PBIJK-2026Q4-00000001", "PBIJK-2026Q4-00000003"])
        try register.markRequested("PBIJK-2026Q4-00000001")
        // The next cycle of the same period publishes only what the broker has not confirmed.
        let second = try register.prepareDisbursements(period: period.description, requestedOn: "2026-11-21") {
            period.disbursementID(programme: $0.programme, serial: $0.serial)
        }
        #expect(second.map(\.0.id) == ["PBIJK-2026Q4-00000003"])
        try register.markRequested("PBIJK-2026Q4-00000003")
        #expect(try register.markSettled("PBIJK-2026Q4-00000001", providerReference: "BRI-BSK-20261120-000001", settledAt: "2026-11-20T10:00:00+07:00"))
        #expect(try register.markFailed("PBIJK-2026Q4-00000003", reason: "account-not-found", retryable: false, providerReference: nil))
        // A late failure does not undo a payment; unknown ids are reported.
        #expect(try register.markFailed("PBIJK-2026Q4-00000001", reason: "technical-error", retryable: true, providerReference: nil))
        #expect(try !register.markSettled("PKH-2026Q4-99999999", providerReference: "X", settledAt: "2026-11-20T10:00:00+07:00"))

        let statistics = try register.statistics()
        #expect(statistics.eligible == 2)
        #expect(statistics.revoked == 1)
        #expect(statistics.revocationsPublished == 1)
        #expect(statistics.settled == 1)
        #expect(statistics.failed == 1)
        #expect(statistics.pending == 0)
    }

    @Test func aRelocationMovesTheFamilyOnce() throws {
        let (register, directory) = try makeRegister()
        defer { try? FileManager.default.removeItem(at: directory) }
        try register.enroll([beneficiary(1)])
        let move = Relocation(beneficiaryId: "KPM-3374-00000001", movingCertificateNumber: "3374-SKPWNI-18112026-0042",
                              previousVillageCode: "33.74.01.1007", newVillageCode: "33.74.09.1004",
                              movementType: "intra-regency", effectiveDate: "2026-11-25")
        try register.recordRelocation(move, newKK: "3374092511260004")
        try register.recordRelocation(move, newKK: "3374092511260004")
        let moved = try #require(try register.beneficiary(id: "KPM-3374-00000001"))
        #expect(moved.villageCode == "33.74.09.1004")
        #expect(moved.kk == "3374092511260004")
        #expect(try register.statistics().relocations == 1)
    }
}
