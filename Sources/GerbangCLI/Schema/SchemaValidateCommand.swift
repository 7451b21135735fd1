import ArgumentParser
import Catalogue
import Envelope
import Foundation

/// `gerbang schema validate FILE...`: checks events as the broker does (envelope, then catalogue schema).
///
/// Each error is one line on stderr, `FILE: <instanceLocation>: <message> [<keywordLocation>]`
/// (the reason code stands in for the keyword location when no schema applies). Exit status 0
/// when every file is a valid event, 1 when any is not, 2 when the catalogue cannot be loaded.
struct SchemaValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate event files (CloudEvents, structured JSON) against the catalogue."
    )

    @OptionGroup var catalogue: CatalogueOptions

    @Option(help: "Largest accepted event in bytes.")
    var maxEventBytes = EnvelopeLimits.default.maxEventBytes

    @Flag(name: .shortAndLong, help: "Print nothing for valid files (by default each prints 'FILE: valid (<type> <version>)').")
    var quiet = false

    @Argument(help: "The event files to validate.")
    var files: [String]

    func run() throws {
        let registry = try catalogue.loadRegistry(command: "schema validate")
        let limits = EnvelopeLimits(maxEventBytes: maxEventBytes)
        var allValid = true
        for file in files {
            let errors = validate(file: file, registry: registry, limits: limits)
            switch errors {
            case .success(let entry):
                if !quiet { print("\(file): valid (\(entry.type) \(entry.version))") }
            case .failure(let failure):
                allValid = false
                for line in failure.lines { FileHandle.standardError.write(Data("\(file): \(line)\n".utf8)) }
            }
        }
        if !allValid { throw ExitCode.failure }
    }

    /// The entry the event conforms to, or the error lines (without the file prefix).
    private func validate(file: String, registry: SchemaRegistry, limits: EnvelopeLimits) -> Result<CatalogueEntry, Failure> {
        let bytes: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
            defer { try? handle.close() }
            bytes = try handle.read(upToCount: limits.maxEventBytes + 1) ?? Data()
        } catch {
            return .failure(Failure(["/: cannot read the file: \(error.localizedDescription) [file.unreadable]"]))
        }
        let event: CloudEvent
        do {
            event = try CloudEvent(parsing: bytes, limits: limits)
        } catch {
            let location = error.attribute.map { "/" + $0 } ?? "/"
            return .failure(Failure(["\(location): \(error.message) [\(error.reason.rawValue)]"]))
        }
        let result = registry.validate(event)
        if let entry = result.entry, result.isValid { return .success(entry) }
        return .failure(Failure(result.errors.map(\.description)))
    }

    /// The error lines of one file.
    private struct Failure: Error {
        var lines: [String]
        init(_ lines: [String]) { self.lines = lines }
    }
}
