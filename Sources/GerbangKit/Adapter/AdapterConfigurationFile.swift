import Foundation
import Yams

/// An adapter's configuration file, `Config/adapters/<name>.yaml`: the client's settings under
/// `gerbang:` (see ``GerbangClient/Configuration/load(yaml:baseDirectory:origin:)``), the
/// adapter's own under `settings:`, and optionally where the runner writes its metrics under
/// `metrics:`. `Sendable` value.
///
/// ```yaml
/// gerbang:
///   agency: kemensos
///   adapter: bansos
///   data-directory: data
/// settings:
///   database: data/kemensos/register.sqlite
/// metrics:                        # optional
///   file: data/metrics/bansos.prom  # Prometheus text format (node_exporter textfile collector)
///   interval-ms: 10000            # default
/// ```
public struct AdapterConfigurationFile<Settings: Decodable & Sendable>: Sendable {
    /// The client configuration.
    public var client: GerbangClient.Configuration
    /// The adapter's settings (decoded from an empty mapping when the section is absent).
    public var settings: Settings

    /// Where the runner writes the adapter's counters, and how often; `nil`: nowhere.
    public var metrics: MetricsFile?

    /// The `metrics:` section. `Sendable` value.
    public struct MetricsFile: Decodable, Sendable, Hashable {
        /// The file (relative paths: against the base directory), rewritten atomically.
        public var file: String
        /// How often, in milliseconds (default 10,000; at least 100).
        public var intervalMs: Int?

        enum CodingKeys: String, CodingKey {
            case file
            case intervalMs = "interval-ms"
        }

        /// The interval as a duration.
        public var interval: Duration { .milliseconds(max(intervalMs ?? 10_000, 100)) }
    }

    /// The keys allowed at the top level.
    static var keys: Set<String> { ["gerbang", "settings", "metrics"] }

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
                throw GerbangClientError(.configuration, "\(origin): unknown key `\(unknown)` (expected gerbang, settings, metrics)")
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
        var metrics: MetricsFile?
        if let node = root.mapping?["metrics"] {
            do {
                metrics = try YAMLDecoder().decode(MetricsFile.self, from: node)
            } catch {
                throw GerbangClientError(.configuration, "\(origin): metrics: \(error)")
            }
            if let file = metrics?.file, !file.hasPrefix("/") {
                metrics?.file = ((baseDirectory ?? FileManager.default.currentDirectoryPath) as NSString).appendingPathComponent(file)
            }
        }
        return Self(client: client, settings: settings, metrics: metrics)
    }
}
