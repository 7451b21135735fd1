import Foundation
import Yams

/// A mapping of a YAML configuration file, read with typed accessors that name the setting in
/// their errors and refuse unknown keys. Not `Sendable` (holds `Any`); used only while loading.
struct YAMLSection {
    /// The dotted path of this section (`store`, `limits`), for messages.
    let path: String
    let file: String
    private let values: [String: Any]

    init(path: String, file: String, values: [String: Any]) {
        self.path = path
        self.file = file
        self.values = values
    }

    /// Parses a whole file's top-level mapping (an empty file is an empty mapping).
    static func parse(_ text: String, file: String) throws(BrokerConfigurationError) -> YAMLSection {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw BrokerConfigurationError(.invalidYAML, "\(file): \(error)")
        }
        guard let loaded else { return YAMLSection(path: "", file: file, values: [:]) }
        guard let mapping = loaded as? [String: Any] else {
            throw BrokerConfigurationError(.invalidYAML, "\(file): the top level must be a mapping")
        }
        return YAMLSection(path: "", file: file, values: mapping)
    }

    private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Refuses keys not in `known`.
    func requireOnly(_ known: Set<String>) throws(BrokerConfigurationError) {
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
            throw BrokerConfigurationError(.unknownSetting, "\(file): unknown setting `\(name(unknown))`")
        }
    }

    var keys: [String] { values.keys.sorted() }

    func section(_ key: String) throws(BrokerConfigurationError) -> YAMLSection? {
        guard let value = values[key] else { return nil }
        guard let mapping = value as? [String: Any] else {
            throw BrokerConfigurationError(.invalidValue, "\(file): `\(name(key))` must be a mapping")
        }
        return YAMLSection(path: name(key), file: file, values: mapping)
    }

    func string(_ key: String) throws(BrokerConfigurationError) -> String? {
        guard let value = values[key] else { return nil }
        guard let text = value as? String, !text.isEmpty else {
            throw BrokerConfigurationError(.invalidValue, "\(file): `\(name(key))` must be a non-empty string")
        }
        return text
    }

    func bool(_ key: String) throws(BrokerConfigurationError) -> Bool? {
        guard let value = values[key] else { return nil }
        guard let flag = value as? Bool else {
            throw BrokerConfigurationError(.invalidValue, "\(file): `\(name(key))` must be true or false")
        }
        return flag
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws(BrokerConfigurationError) -> Int? {
        guard let value = values[key] else { return nil }
        guard let number = value as? Int, range.contains(number) else {
            throw BrokerConfigurationError(
                .invalidValue, "\(file): `\(name(key))` must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }
}
