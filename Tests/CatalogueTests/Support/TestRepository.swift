import Catalogue
import Foundation

/// Paths inside the repository, found from this file's location.
enum TestRepository {
    /// The repository root (three levels above `Tests/CatalogueTests/Support/`).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Config/schemas`.
    static var schemas: URL { root.appendingPathComponent("Config/schemas") }
    /// `Config/examples`.
    static var examples: URL { root.appendingPathComponent("Config/examples") }
    /// The invalid-event corpus.
    static var invalidFixtures: URL { root.appendingPathComponent("Tests/CatalogueTests/Fixtures/invalid") }

    /// The region list, loaded once for all tests.
    static let regions: RegionDirectory = {
        do {
            return try RegionDirectory(contentsOfFile: root.appendingPathComponent(RegionDirectory.defaultRelativePath).path)
        } catch {
            fatalError("cannot load the region list: \(error)")
        }
    }()
}
