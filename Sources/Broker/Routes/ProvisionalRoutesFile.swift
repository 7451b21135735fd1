import Foundation
import Store

/// Reads the broker's routes from YAML until the `Routing` module lands. `Sendable`: stateless.
///
/// Format (documented in `docs/broker.md`):
/// ```yaml
/// publish:
///   dukcapil: [population.*]
/// subscriptions:
///   kemensos-population:
///     agency: kemensos
///     adapter: main
///     types: [population.death.registered]
///     ordering: acceptance          # or partition-key
///     retry: {base-ms: 1000, factor: 2, cap-ms: 300000, max-attempts: 10}
/// ```
public enum ProvisionalRoutesFile {
    /// Reads and parses a routes file.
    public static func load(contentsOf path: String) throws(BrokerConfigurationError) -> BrokerRoutes {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw BrokerConfigurationError(.unreadable, "\(path): \(error.localizedDescription)")
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses routes YAML.
    public static func parse(yaml text: String, file: String = "routes.yaml") throws(BrokerConfigurationError) -> BrokerRoutes {
        let root = try YAMLSection.parse(text, file: file)
        try root.requireOnly(["publish", "subscriptions"])
        var permissions: [BrokerRoutes.Permission] = []
        if let publish = try root.section("publish") {
            for agency in publish.keys {
                for glob in try publish.strings(agency) ?? [] {
                    permissions.append(BrokerRoutes.Permission(agency: agency, typeGlob: glob))
                }
            }
        }
        var subscriptions: [BrokerRoutes.Subscription] = []
        if let section = try root.section("subscriptions") {
            for name in section.keys {
                guard let entry = try section.section(name) else { continue }
                try entry.requireOnly(["agency", "adapter", "types", "ordering", "retry"])
                guard let agency = try entry.string("agency"), let adapter = try entry.string("adapter"),
                      let types = try entry.strings("types") else {
                    throw BrokerConfigurationError(
                        .invalidValue, "\(file): subscription `\(name)` needs `agency`, `adapter` and `types`")
                }
                var ordering = DeliveryOrdering.acceptance
                if let text = try entry.string("ordering") {
                    guard let value = DeliveryOrdering(rawValue: text) else {
                        throw BrokerConfigurationError(
                            .invalidValue, "\(file): `subscriptions.\(name).ordering` must be acceptance or partition-key")
                    }
                    ordering = value
                }
                var retry = RetryBackoff()
                if let policy = try entry.section("retry") {
                    try policy.requireOnly(["base-ms", "factor", "cap-ms", "max-attempts"])
                    retry.baseMilliseconds = try policy.int("base-ms", in: 0...86_400_000) ?? retry.baseMilliseconds
                    retry.factor = try policy.double("factor", in: 1...100) ?? retry.factor
                    retry.capMilliseconds = try policy.int("cap-ms", in: 0...86_400_000) ?? retry.capMilliseconds
                    retry.maxAttempts = try policy.int("max-attempts", in: 1...1_000) ?? retry.maxAttempts
                }
                subscriptions.append(BrokerRoutes.Subscription(
                    name: name, agency: agency, adapter: adapter, typeGlobs: types, ordering: ordering, retry: retry))
            }
        }
        return BrokerRoutes(permissions: permissions, subscriptions: subscriptions)
    }
}
