import ArgumentParser
import Catalogue
import Foundation

/// The options every `gerbang schema` subcommand shares: where the catalogue is.
struct CatalogueOptions: ParsableArguments {
    @Option(help: "The schema directory (<type>/<version>.schema.json and common/).")
    var schemas = "Config/schemas"

    @Option(help: "The Kemendagri region list CSV (default: <schemas>/../reference/wilayah-kemendagri-2025.csv).")
    var regions: String?

    /// Loads the registry; on failure prints the reason to stderr and exits with status 2.
    func loadRegistry(command: String) throws -> SchemaRegistry {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: schemas, isDirectory: &isDirectory), isDirectory.boolValue else {
            let absolute = URL(fileURLWithPath: schemas).path
            Self.printError(command, "schema directory not found: \(absolute) (run from the repository root or pass --schemas DIR)")
            throw ExitCode(2)
        }
        do {
            return try SchemaRegistry(directory: schemas, regionListPath: regions)
        } catch {
            Self.printError(command, error.description)
            throw ExitCode(2)
        }
    }

    /// Writes `gerbang <command>: <message>` and a newline to standard error.
    static func printError(_ command: String, _ message: String) {
        FileHandle.standardError.write(Data("gerbang \(command): \(message)\n".utf8))
    }
}
