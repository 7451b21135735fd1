import Foundation
import Yams

/// An adapter's configuration file, `Config/adapters/<name>.yaml`: the client's settings under
/// `gerbang:` (see ``GerbangClient/Configuration/load(yaml:baseDirectory:origin:)``) and the
/// adapter's own under `settings:`. `Sendable` value.
///
/// ```yaml
/// gerbang:
///   agency: kemensos
///   adapter: bansos
///   data-directory: data
/// settings:
///   database: data/kemensos/register.sqlite
/// ```
public struct AdapterConfigurationFile<Settings: Decodable & Sendable>: Sendable {
    /// The client configuration.
    public var client: GerbangClient.Configuration
    /// The adapter's settings (decoded from an empty mapping when the section is absent).
    public var settings: Settings

    /// The keys allowed at the top level.
    static var keys: Set<String> { ["gerbang", "settings"] }

    /// Reads `path`; relative paths inside are resolved against `baseDirectory` (default: the
    /// current directory).
    public static func load(file path: String, baseDirectory: String? = nil) throws(GerbangClientError) -> Self {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw GerbangClientError(.configuration, "\(path): cannot be read")
        }
        return try load(yaml: text, baseDirectory: baseDirectory, origin: path)
    }

    /// Reads YAML text (see the type's documentation).
    public static func load(yaml: String, baseDirectory: String? = nil, origin: String = "adapter configuration") throws(GerbangClientError) -> Self {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml), let mapping = node.mapping else {
                throw GerbangClientError(.configuration, "\(origin): expected a YAML mapping")
            }
            if let unknown = mapping.keys.compactMap(\.string).filter({ !keys.contains($0) }).sorted().first {
                throw GerbangClientError(.configuration, "\(origin): unknown key `\(unknown)` (expected gerbang, settings)")
            }
            root = node
        } catch let error as GerbangClientError {
            throw error
        } catch {
            throw GerbangClientError(.configuration, "\(origin): \(error)")
        }
        guard let clientNode = root.mapping?["gerbang"] else {
            throw GerbangClientError(.configuration, "\(origin): the `gerbang:` section is missing")
        }
        let client = try GerbangClient.Configuration.load(node: clientNode, baseDirectory: baseDirectory, origin: "\(origin): gerbang")
        let settings: Settings
        do {
            settings = try YAMLDecoder().decode(Settings.self, from: root.mapping?["settings"] ?? Node.mapping(Node.Mapping([])))
        } catch {
            throw GerbangClientError(.configuration, "\(origin): settings: \(error)")
        }
        return Self(client: client, settings: settings)
    }
}
