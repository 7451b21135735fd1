import AdapterSamples
import Catalogue
import DukcapilAdapter
import Testing

/// The sample generator and the adapter agree: every generated good row maps to an event the
/// catalogue accepts, and every malformed row is rejected with the reason the generator expects.
@Suite struct GeneratedExportTests {
    @Test func aThousandGeneratedRowsMapExactlyAsExpected() throws {
        let regions = try SampleRegions(regionListPath: TestRepository.root
            .appendingPathComponent(RegionDirectory.defaultRelativePath).path)
        var generator = SampleGenerator(seed: 7, regions: regions)
        let enrolled = generator.beneficiaries(count: 200, invalidAccounts: 2)
        let (text, expected) = generator.export(rows: 1_000, deceased: Array(enrolled[2..<52]),
                                                moving: Array(enrolled[52..<62]), malformed: 20)
        #expect(expected.rows == 1_000)
        #expect(expected.malformed.count == 20)

        let rows = ExportParser(regions: try TestRepository.regions()).parse(Array(text.utf8))
        #expect(rows.count == 1_000)
        var rejected: [Int: String] = [:]
        var kinds: [ExportEventKind: Int] = [:]
        let registry = try TestRepository.registry()
        for row in rows {
            switch row.outcome {
            case .failure(let rejection): rejected[row.line] = rejection.reason
            case .success(let event):
                kinds[event.kind, default: 0] += 1
                let validation = registry.validate(try event.outgoingEvent().cloudEvent(source: "urn:gerbang:agency:dukcapil:siak"))
                #expect(validation.isValid, "line \(row.line): \(validation.errors)")
            }
        }
        #expect(rejected == expected.malformed)
        #expect(kinds[.birth] == expected.births)
        #expect(kinds[.death] == expected.deaths)
        #expect(kinds[.move] == expected.moves)
        #expect(expected.published == 980)
    }
}
