import Foundation
import FuzzTargets

/// Where the committed fuzzing inputs live, found from this file's location.
enum FuzzPaths {
    /// `Fuzz/` at the repository root.
    static let fuzzDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FuzzTargetsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// `Fuzz/Corpus/<target>/`.
    static func corpus(_ target: FuzzTarget) -> URL {
        fuzzDirectory.appendingPathComponent("Corpus/\(target.rawValue)")
    }

    /// `Fuzz/Regressions/<target>/` (may not exist).
    static func regressions(_ target: FuzzTarget) -> URL {
        fuzzDirectory.appendingPathComponent("Regressions/\(target.rawValue)")
    }

    /// The regular files of `directory`, sorted by name, without dot files; none when it does not
    /// exist.
    static func files(in directory: URL) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
