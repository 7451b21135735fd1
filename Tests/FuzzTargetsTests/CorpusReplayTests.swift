import Foundation
import FuzzTargets
import Testing

/// Replays every committed seed corpus (`Fuzz/Corpus/<target>/`) and every regression input
/// (`Fuzz/Regressions/<target>/`) through its fuzz target, without libFuzzer or sanitizers: a
/// parser that crashes, or breaks a promise the target checks, on any of them fails the run
/// (docs/fuzzing.md).
@Suite("Fuzz corpus replay")
struct CorpusReplayTests {
    @Test("every corpus file goes through its target", arguments: FuzzTarget.allCases)
    func replaysCorpus(_ target: FuzzTarget) throws {
        let corpus = try FuzzPaths.files(in: FuzzPaths.corpus(target))
        try #require(!corpus.isEmpty, "Fuzz/Corpus/\(target.rawValue)/ is empty")
        let regressions = try FuzzPaths.files(in: FuzzPaths.regressions(target))
        var outcomes: [FuzzOutcome: Int] = [:]
        for file in corpus + regressions {
            let bytes = try [UInt8](Data(contentsOf: file))
            outcomes[target.run(bytes), default: 0] += 1
        }
        #expect(outcomes.values.reduce(0, +) == corpus.count + regressions.count)
        // A seed corpus must reach past the first checks: some of its inputs are accepted.
        #expect(outcomes[.accepted, default: 0] > 0, "no input of Fuzz/Corpus/\(target.rawValue)/ is accepted")
    }

    @Test("a target directory exists for every target and no other")
    func corpusDirectoriesMatchTargets() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: FuzzPaths.fuzzDirectory.appendingPathComponent("Corpus").path)
        #expect(Set(names.filter { !$0.hasPrefix(".") }) == Set(FuzzTarget.allCases.map(\.rawValue)))
    }
}
