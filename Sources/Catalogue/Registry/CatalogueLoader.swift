import Foundation
import GerbangJSON

/// Reads the schema documents of a catalogue directory and checks its layout (see
/// ``SchemaRegistry/init(directory:regions:options:)``).
struct CatalogueLoader {
    /// One schema file, read and checked.
    struct Document {
        /// The event type, or nil for a shared definition under `common/`.
        var eventType: String?
        var version: SchemaVersion
        var uri: String
        var path: String
        var schema: JSONValue
    }

    static let fileSuffix = ".schema.json"

    var directory: String
    var options: SchemaRegistry.Options

    /// Every document, shared definitions first, in a stable order.
    func readDocuments() throws(SchemaRegistryError) -> [Document] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SchemaRegistryError(.directoryNotFound, "the schema directory does not exist", path: directory)
        }
        let root = URL(fileURLWithPath: directory)
        var documents: [Document] = []
        for folder in try subfolders(of: root) {
            let name = folder.lastPathComponent
            if name == SchemaRegistry.commonFolder {
                for definition in try subfolders(of: folder) {
                    documents += try readVersions(in: definition, eventType: nil,
                                                  uriPrefix: DataSchemaURI.base + "common/" + definition.lastPathComponent)
                }
            } else {
                guard EventTypeName.isValid(name) else {
                    throw SchemaRegistryError(.badLayout, "\"\(name)\" is not an event type name (3-5 lower-case words joined by dots)", path: folder.path)
                }
                documents += try readVersions(in: folder, eventType: name, uriPrefix: DataSchemaURI.base + name)
            }
        }
        return documents.sorted { ($0.eventType ?? "", $0.uri) < ($1.eventType ?? "", $1.uri) }
    }

    /// The visible subfolders of `url`, sorted; plain files are ignored.
    private func subfolders(of url: URL) throws(SchemaRegistryError) -> [URL] {
        try contents(of: url).filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
    }

    private func contents(of url: URL) throws(SchemaRegistryError) -> [URL] {
        do {
            return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw SchemaRegistryError(.unreadable, error.localizedDescription, path: url.path)
        }
    }

    /// Reads every `<version>.schema.json` in `folder`; anything else there is a layout error.
    private func readVersions(in folder: URL, eventType: String?, uriPrefix: String) throws(SchemaRegistryError) -> [Document] {
        var documents: [Document] = []
        for file in try contents(of: folder) {
            let name = file.lastPathComponent
            guard name.hasSuffix(Self.fileSuffix), let version = SchemaVersion(name.dropLast(Self.fileSuffix.count)) else {
                throw SchemaRegistryError(.badLayout, "expected only files named <major.minor.patch>\(Self.fileSuffix)", path: file.path)
            }
            let schema = try read(file)
            let uri = uriPrefix + "/" + version.description
            guard schema.objectValue?["$id"]?.stringValue == uri else {
                throw SchemaRegistryError(.idMismatch, "the schema's $id must be \(uri)", path: file.path)
            }
            if let eventType {
                let typeConstant = schema.objectValue?["properties"]?.objectValue?["type"]?.objectValue?["const"]?.stringValue
                guard typeConstant == eventType else {
                    throw SchemaRegistryError(.idMismatch, "the schema's properties.type.const must be \"\(eventType)\"", path: file.path)
                }
            }
            documents.append(Document(eventType: eventType, version: version, uri: uri, path: file.path, schema: schema))
        }
        return documents
    }

    private func read(_ file: URL) throws(SchemaRegistryError) -> JSONValue {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            data = try handle.read(upToCount: options.maxSchemaFileBytes + 1) ?? Data()
        } catch {
            throw SchemaRegistryError(.unreadable, error.localizedDescription, path: file.path)
        }
        guard data.count <= options.maxSchemaFileBytes else {
            throw SchemaRegistryError(.unreadable, "larger than \(options.maxSchemaFileBytes) bytes", path: file.path)
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            throw SchemaRegistryError(.invalidJSON, error.description, path: file.path)
        }
        guard value.objectValue != nil else {
            throw SchemaRegistryError(.invalidJSON, "a schema document is a JSON object", path: file.path)
        }
        return value
    }
}
