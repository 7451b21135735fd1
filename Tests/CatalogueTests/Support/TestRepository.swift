import Catalogue
import Foundation
import GerbangJSON

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
    private static let sharedRegions: Result<RegionDirectory, RegionDirectoryError> = Result {
        () throws(RegionDirectoryError) -> RegionDirectory in
        try RegionDirectory(contentsOfFile: root.appendingPathComponent(RegionDirectory.defaultRelativePath).path)
    }

    /// The shared region list, or the error that prevented loading it.
    static func regions() throws -> RegionDirectory { try sharedRegions.get() }

    /// The catalogue in `Config/schemas`, loaded once for all tests.
    private static let sharedRegistry: Result<SchemaRegistry, any Error> = Result {
        try SchemaRegistry(directory: schemas.path, regions: sharedRegions.get())
    }

    /// The shared registry, or the error that prevented loading it.
    static func registry() throws -> SchemaRegistry { try sharedRegistry.get() }

    /// Parses a JSON file.
    static func readJSON(_ url: URL) throws -> JSONValue {
        try JSONParser.parse(Data(contentsOf: url))
    }
}
