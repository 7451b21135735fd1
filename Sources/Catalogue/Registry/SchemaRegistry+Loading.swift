import Foundation
import GerbangJSON
import JSONSchema

extension SchemaRegistry {
    /// Limits and options for loading the catalogue and validating events.
    ///
    /// `Sendable`: a value type made of integers and a flag.
    public struct Options: Sendable, Hashable {
        /// The largest schema file read, in bytes. Default 1 MiB.
        public var maxSchemaFileBytes: Int
        /// The most errors reported for one event. Default 100.
        public var maxErrors: Int
        /// The deepest schema evaluation nesting per event (bounds instance depth). Default 256.
        public var maxValidationDepth: Int
        /// Whether each person's `birthDate` and `sex` must agree with their NIK
        /// (`schema.nik-mismatch`). Default `true`.
        public var checksPersonConsistency: Bool

        /// Creates options; every parameter defaults to the documented default.
        public init(
            maxSchemaFileBytes: Int = 1 << 20, maxErrors: Int = 100, maxValidationDepth: Int = 256,
            checksPersonConsistency: Bool = true
        ) {
            self.maxSchemaFileBytes = maxSchemaFileBytes
            self.maxErrors = maxErrors
            self.maxValidationDepth = maxValidationDepth
            self.checksPersonConsistency = checksPersonConsistency
        }
    }

    /// The folder, inside the schema directory, that holds shared definitions.
    public static let commonFolder = "common"

    /// The region list's default path for a schema directory: `<directory>/../reference/wilayah-kemendagri-2025.csv`
    /// (so `Config/schemas` finds `Config/reference/…`).
    public static func defaultRegionListPath(forSchemaDirectory directory: String) -> String {
        URL(fileURLWithPath: directory).deletingLastPathComponent()
            .appendingPathComponent("reference/wilayah-kemendagri-2025.csv").path
    }

    /// Loads the catalogue from `directory`, with the region list at `regionListPath` (default:
    /// ``defaultRegionListPath(forSchemaDirectory:)``).
    public convenience init(directory: String, regionListPath: String? = nil, options: Options = .init()) throws(SchemaRegistryError) {
        let regionPath = regionListPath ?? Self.defaultRegionListPath(forSchemaDirectory: directory)
        let regions: RegionDirectory
        do {
            regions = try RegionDirectory(contentsOfFile: regionPath)
        } catch {
            throw SchemaRegistryError(.regions, error.description, path: regionPath)
        }
        try self.init(directory: directory, regions: regions, options: options)
    }

    /// Loads and compiles the catalogue in `directory`:
    ///
    /// - `common/<name>/<version>.schema.json`: shared definitions, `$id`
    ///   `https://schemas.gerbang.go.id/common/<name>/<version>`, available to every `$ref`;
    /// - `<type>/<version>.schema.json`: one event type at one version, `$id` equal to its
    ///   `dataschema` URI (``DataSchemaURI``) and `properties.type.const` equal to `<type>`.
    ///
    /// Other files at the top level are ignored. Every schema compiles once here, with formats
    /// asserted; any problem refuses the whole catalogue with a ``SchemaRegistryError``.
    public convenience init(directory: String, regions: RegionDirectory, options: Options = .init()) throws(SchemaRegistryError) {
        let loader = CatalogueLoader(directory: directory, options: options)
        let documents = try loader.readDocuments()
        var compiler = SchemaCompiler(options: SchemaOptions(
            assertFormats: true,
            formats: CatalogueFormats.checkers(regions: regions),
            maxValidationDepth: options.maxValidationDepth,
            maxErrors: options.maxErrors
        ))
        for document in documents where document.eventType == nil {
            do {
                try compiler.addResource(document.schema, uri: document.uri)
            } catch {
                throw SchemaRegistryError(.compileFailed, error.description, path: document.path)
            }
        }
        var entries: [CatalogueEntry] = []
        for document in documents {
            guard let type = document.eventType else { continue }
            let compiled: CompiledSchema
            do {
                compiled = try compiler.compile(document.schema, uri: document.uri)
            } catch {
                throw SchemaRegistryError(.compileFailed, error.description, path: document.path)
            }
            let object = document.schema.objectValue
            let gerbang = object?["x-gerbang"]?.objectValue
            entries.append(CatalogueEntry(
                type: type,
                version: document.version,
                uri: document.uri,
                title: object?["title"]?.stringValue ?? type,
                summary: object?["description"]?.stringValue ?? "",
                producers: gerbang?["producers"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                consumers: gerbang?["consumers"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                path: document.path,
                schema: compiled
            ))
        }
        guard !entries.isEmpty else {
            throw SchemaRegistryError(.empty, "no <type>/<version>.schema.json under the directory", path: directory)
        }
        self.init(entries: entries, regions: regions, checksPersonConsistency: options.checksPersonConsistency)
    }
}
