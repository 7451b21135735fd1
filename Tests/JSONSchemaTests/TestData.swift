import Foundation
import GerbangJSON

/// Locations of the shared test data (`../shared/` relative to the repo root).
enum TestData {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/conformance/json-schema-test-suite`.
    static let testSuite = repositoryRoot
        .deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/json-schema-test-suite")

    /// Parses a JSON file with the project's parser (keeps number text and key order).
    static func load(_ url: URL) throws -> JSONValue {
        let bytes = try Data(contentsOf: url)
        return try JSONParser.parse(bytes, options: JSONParser.Options(maxDepth: 512))
    }

    /// Every regular file under `directory` with the extension `json`, sorted.
    static func jsonFiles(under directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "json" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
