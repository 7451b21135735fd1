import Catalogue
import DukcapilAdapter
import Envelope
import GerbangKit
import Testing

@Suite struct RegistrationMapperTests {
    private func parse(_ rows: [[String: String]]) throws -> [ExportParser.Row] {
        let text = ([SampleExport.header] + rows.map(SampleExport.row)).joined(separator: "\n") + "\n"
        return ExportParser(regions: try TestRepository.regions()).parse(Array(text.utf8))
    }

    private func event(_ values: [String: String]) throws -> RegistrationEvent {
        let rows = try parse([values])
        #expect(rows.count == 1)
        return try rows[0].outcome.get()
    }

    private func rejection(_ values: [String: String]) throws -> RowRejection? {
        let rows = try parse([values])
        guard case .failure(let rejection) = rows.first?.outcome else { return nil }
        return rejection
    }

    /// The mapped event, in its envelope, passes the catalogue (schema, formats, NIK consistency).
    private func expectValid(_ event: RegistrationEvent) throws {
        let cloudEvent = try event.outgoingEvent().cloudEvent(source: "urn:gerbang:agency:dukcapil:siak")
        let validation = try TestRepository.registry().validate(cloudEvent)
        #expect(validation.isValid, "\(validation.errors)")
    }

    @Test func aDeathBecomesTheCatalogueDeathEvent() throws {
        let event = try event(SampleExport.death)
        #expect(event.kind == .death)
        #expect(event.id == "3374-KM-19112026-0153")
        #expect(event.line == 2)
        guard case .death(let death) = event.data else {
            Issue.record("expected a death")
            return
        }
        #expect(death.registrationRegencyCode == "33.74")
        #expect(death.dateOfDeath == "2026-11-17")
        #expect(death.deceased.sex == .female)
        #expect(death.deceased.birthDate == "1958-07-05")
        try expectValid(event)
    }

    @Test func aBirthBecomesTheCatalogueBirthEvent() throws {
        let event = try event(SampleExport.birth)
        #expect(event.kind == .birth)
        guard case .birth(let birth) = event.data else {
            Issue.record("expected a birth")
            return
        }
        #expect(birth.address.rt == "004")
        #expect(birth.birthOrder == 2)
        #expect(birth.father?.fullName == "Agus Santoso")
        try expectValid(event)
    }

    @Test func aMoveBecomesTheCatalogueAddressChange() throws {
        let event = try event(SampleExport.move)
        #expect(event.kind == .move)
        guard case .move(let move) = event.data else {
            Issue.record("expected a move")
            return
        }
        #expect(move.movementType == .interProvince)
        #expect(move.reason == .work)
        #expect(move.accompanyingFamilyMembers == ["3204055103900003"])
        try expectValid(event)
    }

    @Test func movementTypeFollowsTheVillageCodes() throws {
        var within = SampleExport.move
        within["KODE_WILAYAH"] = "33.74.01.1007"
        #expect(try movementType(of: event(within)) == .intraRegency)
        var province = SampleExport.move
        province["KODE_WILAYAH_TUJUAN"] = "32.73.01.1001"
        #expect(try movementType(of: event(province)) == .interRegency)
    }

    private func movementType(of event: RegistrationEvent) -> AddressChanged.MovementType? {
        if case .move(let move) = event.data { move.movementType } else { nil }
    }

    @Test(arguments: [
        ("NIK", "3374017202580002", "nik.invalid-date", "NIK"),
        ("NIK", "33740145075800", "nik.length", "NIK"),
        ("NIK", "9999014507580002", "nik.unknown-region", "NIK"),
        ("NO_KK", "3374013202140021", "kk.invalid-date", "NO_KK"),
        ("JENIS_KLMIN", "LAKI-LAKI", "row.nik-mismatch", "JENIS_KLMIN"),
        ("TGL_LHR", "06-07-1958", "row.nik-mismatch", "TGL_LHR"),
        ("TGL_LHR", "31-02-1958", "row.invalid-date", "TGL_LHR"),
        ("TGL_MATI", "", "row.missing-field", "TGL_MATI"),
        ("TGL_MATI", "17-11-1950", "row.date-order", "TGL_MATI"),
        ("NO_DOKUMEN", "3374-LT-19112026-0153", "row.invalid-document-number", "NO_DOKUMEN"),
        ("NO_DOKUMEN", "9999-KM-19112026-0153", "kode-wilayah.unknown", "NO_DOKUMEN"),
        ("JENIS_PERISTIWA", "CERAI", "row.unknown-event", "JENIS_PERISTIWA"),
        ("JENIS_KLMIN", "X", "row.invalid-sex", "JENIS_KLMIN"),
    ])
    func aBadDeathRowIsRejectedWithItsReason(column: String, value: String, reason: String, rejectedColumn: String) throws {
        var values = SampleExport.death
        values[column] = value
        let rejection = try #require(try rejection(values))
        #expect(rejection.reason == reason)
        #expect(rejection.column == rejectedColumn)
        #expect(value.count < 3 || !rejection.message.contains(value)) // messages never repeat values
    }

    @Test func aBadVillageCodeIsRejectedWithTheFormatReason() throws {
        var unknown = SampleExport.birth
        unknown["KODE_WILAYAH"] = "35.78.02.9999"
        #expect(try rejection(unknown)?.reason == "kode-wilayah.unknown")
        var undotted = SampleExport.birth
        undotted["KODE_WILAYAH"] = "3578021002"
        #expect(try rejection(undotted)?.reason == "kode-wilayah.malformed")
        var district = SampleExport.birth
        district["KODE_WILAYAH"] = "35.78.02"
        #expect(try rejection(district)?.reason == "kode-wilayah.wrong-level")
    }

    @Test func duplicatesFieldCountsAndHeadersAreReported() throws {
        let rows = try parse([SampleExport.death, SampleExport.birth, SampleExport.death])
        #expect(rows.count == 3)
        guard case .failure(let duplicate) = rows[2].outcome else {
            Issue.record("expected a duplicate")
            return
        }
        #expect(duplicate.reason == "row.duplicate-document")
        #expect(duplicate.message.contains("line 2"))

        let regions = try TestRepository.regions()
        let short = ExportParser(regions: regions).parse(Array("\(SampleExport.header)\nMATI,1,2\n".utf8))
        if case .failure(let rejection) = short[0].outcome { #expect(rejection.reason == "row.field-count") } else { Issue.record("expected a rejection") }

        let noHeader = ExportParser(regions: regions).parse(Array("NIK,NAMA_LGKP\n1,2\n".utf8))
        #expect(noHeader.count == 1)
        if case .failure(let rejection) = noHeader[0].outcome {
            #expect(rejection.reason == "file.missing-column")
            #expect(rejection.column == "JENIS_PERISTIWA")
        } else { Issue.record("expected a rejection") }

        let tooMany = ExportParser(regions: regions, limits: .init(maxRows: 1))
            .parse(Array(([SampleExport.header] + [SampleExport.death, SampleExport.birth].map(SampleExport.row)).joined(separator: "\n").utf8))
        if case .failure(let rejection) = tooMany[1].outcome { #expect(rejection.reason == "file.too-many-rows") } else { Issue.record("expected a rejection") }
    }

    @Test func columnsMayComeInAnyOrderAndCase() throws {
        let text = "nik , jenis_peristiwa,NO_DOKUMEN,TGL_CATAT,NO_KK,NAMA_LGKP,TGL_LHR,JENIS_KLMIN,TGL_MATI,EXTRA\n"
            + "3374014507580002,mati,3374-KM-19112026-0153,2026-11-19,3374011501140021,Siti Aminah,05/07/1958,P,17-11-2026,x\n"
        let rows = ExportParser(regions: try TestRepository.regions()).parse(Array(text.utf8))
        try expectValid(try rows[0].outcome.get())
    }
}
