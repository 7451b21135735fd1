import AdapterSamples
import ArgumentParser
import Foundation

/// Writes consistent sample data for the demo flow: a Kemensos beneficiary register seed and
/// Dukcapil civil-registration exports in which some beneficiaries die or move and some rows are
/// malformed. `Config/samples/` was generated with the defaults.
@main
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adapter-samples",
        abstract: "Generate the sample beneficiary seed and civil-registration exports."
    )

    @Option(help: "Output folder: writes kemensos/beneficiaries.csv and dukcapil/export-<n>.csv.")
    var out = "Config/samples"

    @Option(help: "The Kemendagri region list.")
    var regions = "Config/reference/wilayah-kemendagri-2025.csv"

    @Option(help: "Beneficiaries in the register seed.")
    var beneficiaries = 120

    @Option(help: "Beneficiaries whose account number has a wrong check digit (the bank refuses them).")
    var invalidAccounts = 3

    @Option(parsing: .upToNextOption,
            help: "One export per value, as rows:deaths:moves:malformed (deaths and moves of beneficiaries).")
    var export: [String] = ["60:8:4:3", "40:6:2:2"]

    @Option(help: "Random seed (the same seed writes the same files).")
    var seed: UInt64 = 2026

    mutating func run() throws {
        let sampleRegions = try SampleRegions(regionListPath: regions)
        var generator = SampleGenerator(seed: seed, regions: sampleRegions, firstDocumentSerial: 101)
        let enrolled = generator.beneficiaries(count: beneficiaries, invalidAccounts: invalidAccounts)
        let root = URL(fileURLWithPath: out)
        let kemensos = root.appendingPathComponent("kemensos")
        let dukcapil = root.appendingPathComponent("dukcapil")
        try FileManager.default.createDirectory(at: kemensos, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dukcapil, withIntermediateDirectories: true)
        try ([SampleBeneficiary.seedHeader] + enrolled.map(\.seedLine)).joined(separator: "\n").appending("\n")
            .write(to: kemensos.appendingPathComponent("beneficiaries.csv"), atomically: true, encoding: .utf8)
        var available = enrolled.dropFirst(invalidAccounts)
        for (index, specification) in export.enumerated() {
            let numbers = specification.split(separator: ":").compactMap { Int($0) }
            guard numbers.count == 4, numbers.allSatisfy({ $0 >= 0 }) else {
                throw ValidationError("--export \(specification): expected rows:deaths:moves:malformed")
            }
            guard numbers[1] + numbers[2] <= available.count else {
                throw ValidationError("--export \(specification): not enough beneficiaries left for the deaths and moves")
            }
            let deceased = Array(available.prefix(numbers[1]))
            available = available.dropFirst(numbers[1])
            let moving = Array(available.prefix(numbers[2]))
            available = available.dropFirst(numbers[2])
            let (text, expectations) = generator.export(rows: numbers[0], deceased: deceased, moving: moving, malformed: numbers[3])
            let file = dukcapil.appendingPathComponent("export-\(index + 1).csv")
            try text.write(to: file, atomically: true, encoding: .utf8)
            print("\(file.path): \(expectations.rows) rows, \(expectations.births) births, \(expectations.deaths) deaths "
                  + "(\(expectations.deceasedBeneficiaries.count) of beneficiaries), \(expectations.moves) moves, "
                  + "\(expectations.malformed.count) malformed")
        }
        print("\(kemensos.appendingPathComponent("beneficiaries.csv").path): \(enrolled.count) beneficiaries "
              + "(\(invalidAccounts) with an invalid account number)")
    }
}
