import ArgumentParser
import Catalogue
import Foundation
import GerbangJSON

/// `gerbang schema list`: every event type in the catalogue with its versions and title.
struct SchemaListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the event types of the catalogue, their versions and titles."
    )

    /// The output formats.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var catalogue: CatalogueOptions

    @Option(help: "Output format: text (a table) or json (one object per type and version).")
    var output: OutputFormat = .text

    func run() throws {
        let registry = try catalogue.loadRegistry(command: "schema list")
        switch output {
        case .text:
            print(Self.table(registry.entries))
        case .json:
            FileHandle.standardOutput.write(Data(Self.json(registry.entries).serializedBytes() + [0x0A]))
        }
    }

    /// One line per type and version: type, version, title, aligned in columns.
    static func table(_ entries: [CatalogueEntry]) -> String {
        let typeWidth = max(4, entries.map(\.type.count).max() ?? 0)
        let versionWidth = max(7, entries.map(\.version.description.count).max() ?? 0)
        func row(_ type: String, _ version: String, _ title: String) -> String {
            type.padding(toLength: typeWidth, withPad: " ", startingAt: 0) + "  "
                + version.padding(toLength: versionWidth, withPad: " ", startingAt: 0) + "  " + title
        }
        return ([row("TYPE", "VERSION", "TITLE")] + entries.map { row($0.type, $0.version.description, $0.title) })
            .joined(separator: "\n")
    }

    /// `[{"type":…,"version":…,"dataschema":…,"title":…,"producers":[…],"consumers":[…]}]`.
    static func json(_ entries: [CatalogueEntry]) -> JSONValue {
        .array(entries.map { entry in
            .object(JSONObject([
                "type": .string(entry.type),
                "version": .string(entry.version.description),
                "dataschema": .string(entry.uri),
                "title": .string(entry.title),
                "producers": .array(entry.producers.map(JSONValue.string)),
                "consumers": .array(entry.consumers.map(JSONValue.string)),
            ]))
        })
    }
}
