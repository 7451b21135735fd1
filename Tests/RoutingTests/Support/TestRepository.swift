import Foundation

/// Paths of the repository the tests run in.
enum TestRepository {
    /// The repository root (three levels above this file).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Config/routes.yaml`.
    static let routesFile = root.appendingPathComponent("Config/routes.yaml")

    /// The agency ids of `Config/agencies.yaml` (the two-space-indented keys under `agencies:`).
    static func agencyIDs() throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent("Config/agencies.yaml"), encoding: .utf8)
        var ids: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") && line.hasSuffix(":") {
            ids.insert(String(line.dropFirst(2).dropLast()))
        }
        return ids
    }

    /// The catalogue's event types: the directories of `Config/schemas` other than `common`.
    static func eventTypes() throws -> Set<String> {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Config/schemas").path)
        return Set(names.filter { $0.contains(".") && !$0.hasSuffix(".md") })
    }
}

/// A temporary directory removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("routing-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
