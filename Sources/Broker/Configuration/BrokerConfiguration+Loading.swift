import Foundation

extension BrokerConfiguration {
    /// Reads a configuration file (`Config/gerbang.yaml`); settings missing from it keep their
    /// defaults, unknown settings are refused (`config.unknown-setting`).
    public static func load(contentsOf path: String) throws(BrokerConfigurationError) -> BrokerConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw BrokerConfigurationError(.unreadable, "\(path): \(error.localizedDescription)")
        }
        return try parse(yaml: text, file: path)
    }

    /// `127.0.0.1:9560` → (`127.0.0.1`, 9560); nil for anything else.
    public static func parseHostPort(_ text: String) -> (host: String, port: UInt16)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let port = UInt16(parts[1]) else { return nil }
        return (String(parts[0]), port)
    }

    /// `limits.agency-rates`: agency → `{rate: N, burst: M}` (`burst` defaults to
    /// `limits.agency-publish-burst`). Whether each agency exists is checked at start, against
    /// `paths.agencies`.
    private static func parseAgencyRates(_ section: YAMLSection,
                                         defaultBurst: Int) throws(BrokerConfigurationError) -> [String: AgencyPublishRate] {
        var rates: [String: AgencyPublishRate] = [:]
        for agency in section.keys {
            guard let entry = try section.section(agency) else { continue }
            try entry.requireOnly(["rate", "burst"])
            guard let rate = try entry.int("rate", in: 0...10_000_000) else {
                throw BrokerConfigurationError(.invalidValue, "\(entry.file): `\(entry.path).rate` is required")
            }
            rates[agency] = AgencyPublishRate(rate: rate, burst: try entry.int("burst", in: 1...10_000_000) ?? defaultBurst)
        }
        return rates
    }

    /// Parses configuration YAML; `file` names it in error messages.
    public static func parse(yaml text: String, file: String = "gerbang.yaml") throws(BrokerConfigurationError) -> BrokerConfiguration {
        let root = try YAMLSection.parse(text, file: file)
        try root.requireOnly(["broker-name", "adapter-endpoint", "metrics-endpoint", "data-directory", "development-mode",
                              "paths", "store", "limits", "heartbeat", "delivery", "admin-endpoint", "admin", "audit", "node"])
        var configuration = BrokerConfiguration()
        configuration.brokerName = try root.string("broker-name") ?? configuration.brokerName
        configuration.adapterEndpoint = try root.string("adapter-endpoint") ?? configuration.adapterEndpoint
        configuration.dataDirectory = try root.string("data-directory") ?? configuration.dataDirectory
        // YAML 1.1 reads an unquoted `off` as false: both mean no admin endpoint.
        if case .some(.some(false)) = try? root.bool("admin-endpoint") {
            configuration.adminEndpoint = "off"
        } else {
            configuration.adminEndpoint = try root.string("admin-endpoint") ?? configuration.adminEndpoint
        }
        if let section = try root.section("admin") { configuration.admin = try AdminSettings.parse(section) }
        if let section = try root.section("audit") { configuration.audit = try AuditSettings.parse(section) }
        if let section = try root.section("node") { configuration.node = try NodeSettings.parse(section) }
        if let metrics = try root.string("metrics-endpoint") {
            guard metrics == "off" || parseHostPort(metrics) != nil else {
                throw BrokerConfigurationError(.invalidValue, "\(file): `metrics-endpoint` must be `host:port` (IPv4) or `off`")
            }
            configuration.metricsEndpoint = metrics
        }
        configuration.developmentMode = try root.bool("development-mode") ?? configuration.developmentMode
        if let section = try root.section("paths") {
            try section.requireOnly(["agencies", "routes", "schemas", "pki", "broker-secret-key", "operators"])
            configuration.paths.operators = try section.string("operators") ?? configuration.paths.operators
            configuration.paths.agencies = try section.string("agencies") ?? configuration.paths.agencies
            configuration.paths.routes = try section.string("routes") ?? configuration.paths.routes
            configuration.paths.schemas = try section.string("schemas") ?? configuration.paths.schemas
            configuration.paths.pki = try section.string("pki") ?? configuration.paths.pki
            configuration.paths.brokerSecretKey = try section.string("broker-secret-key") ?? configuration.paths.brokerSecretKey
        }
        if let section = try root.section("store") {
            try section.requireOnly(["file-name", "max-batch-size", "max-batch-wait-ms", "dedup-window-seconds",
                                     "retention-seconds", "fsync-delivery-transitions", "busy-timeout-ms",
                                     "backend", "postgres-url", "postgres-pool-size"])
            var store = configuration.store
            if let backend = try section.string("backend") {
                guard let known = StoreSettings.Backend(rawValue: backend) else {
                    throw BrokerConfigurationError(.invalidValue, "\(file): `store.backend` must be sqlite or postgres")
                }
                store.backend = known
            }
            store.postgresURL = try section.string("postgres-url") ?? store.postgresURL
            store.postgresPoolSize = try section.int("postgres-pool-size", in: 1...256) ?? store.postgresPoolSize
            if store.backend == .postgres, store.postgresURL == nil {
                throw BrokerConfigurationError(.invalidValue, "\(file): `store.backend: postgres` needs `store.postgres-url`")
            }
            store.fileName = try section.string("file-name") ?? store.fileName
            store.maxBatchSize = try section.int("max-batch-size", in: 1...100_000) ?? store.maxBatchSize
            store.maxBatchWaitMilliseconds = try section.int("max-batch-wait-ms", in: 0...1_000) ?? store.maxBatchWaitMilliseconds
            store.deduplicationWindowSeconds = try section.int("dedup-window-seconds", in: 1...31_536_000)
                ?? store.deduplicationWindowSeconds
            store.retentionSeconds = try section.int("retention-seconds", in: 1...315_360_000) ?? store.retentionSeconds
            store.fsyncDeliveryTransitions = try section.bool("fsync-delivery-transitions") ?? store.fsyncDeliveryTransitions
            store.busyTimeoutMilliseconds = try section.int("busy-timeout-ms", in: 0...600_000) ?? store.busyTimeoutMilliseconds
            configuration.store = store
        }
        if let section = try root.section("limits") {
            try section.requireOnly(["max-frame-bytes", "max-event-bytes", "max-events-per-publish",
                                     "max-subscriptions", "max-credit", "max-pending-publishes",
                                     "max-clock-skew-seconds", "max-event-age-seconds", "error-interval-ms",
                                     "agency-publish-rate", "agency-publish-burst",
                                     "max-outbound-per-connection", "max-transport-frame-bytes",
                                     "agency-rates", "hello-timeout-ms"])
            var limits = configuration.limits
            limits.maxFrameBytes = try section.int("max-frame-bytes", in: 1_024...(64 << 20)) ?? limits.maxFrameBytes
            limits.maxEventBytes = try section.int("max-event-bytes", in: 256...(64 << 20)) ?? limits.maxEventBytes
            limits.maxEventsPerPublish = try section.int("max-events-per-publish", in: 1...65_535) ?? limits.maxEventsPerPublish
            limits.maxSubscriptions = try section.int("max-subscriptions", in: 0...1_024) ?? limits.maxSubscriptions
            limits.maxCredit = try section.int("max-credit", in: 1...1_000_000) ?? limits.maxCredit
            limits.maxPendingPublishes = try section.int("max-pending-publishes", in: 1...10_000_000)
                ?? limits.maxPendingPublishes
            limits.maxClockSkewSeconds = try section.int("max-clock-skew-seconds", in: 0...31_536_000)
                ?? limits.maxClockSkewSeconds
            limits.maxEventAgeSeconds = try section.int("max-event-age-seconds", in: 0...315_360_000) ?? limits.maxEventAgeSeconds
            limits.errorIntervalMilliseconds = try section.int("error-interval-ms", in: 0...3_600_000)
                ?? limits.errorIntervalMilliseconds
            limits.agencyPublishRate = try section.int("agency-publish-rate", in: 0...10_000_000) ?? limits.agencyPublishRate
            limits.agencyPublishBurst = try section.int("agency-publish-burst", in: 1...10_000_000) ?? limits.agencyPublishBurst
            limits.maxOutboundPerConnection = try section.int("max-outbound-per-connection", in: 1...10_000_000)
                ?? limits.maxOutboundPerConnection
            limits.maxTransportFrameBytes = try section.int("max-transport-frame-bytes", in: 0...(128 << 20))
                ?? limits.maxTransportFrameBytes
            limits.helloTimeoutMilliseconds = try section.int("hello-timeout-ms", in: 0...3_600_000) ?? limits.helloTimeoutMilliseconds
            if let rates = try section.section("agency-rates") {
                limits.agencyRates = try parseAgencyRates(rates, defaultBurst: limits.agencyPublishBurst)
            }
            if limits.maxTransportFrameBytes != 0 && limits.maxTransportFrameBytes < limits.maxFrameBytes {
                throw BrokerConfigurationError(.invalidValue, "limits.max-transport-frame-bytes (\(limits.maxTransportFrameBytes)) "
                    + "is below limits.max-frame-bytes (\(limits.maxFrameBytes))")
            }
            configuration.limits = limits
        }
        if let section = try root.section("heartbeat") {
            try section.requireOnly(["interval-ms", "liveness"])
            configuration.heartbeat.intervalMilliseconds = try section.int("interval-ms", in: 10...3_600_000)
                ?? configuration.heartbeat.intervalMilliseconds
            configuration.heartbeat.liveness = try section.int("liveness", in: 1...255) ?? configuration.heartbeat.liveness
        }
        if let section = try root.section("delivery") {
            try section.requireOnly(["tick-ms", "clock-jump-threshold-ms"])
            configuration.delivery.tickMilliseconds = try section.int("tick-ms", in: 1...60_000)
                ?? configuration.delivery.tickMilliseconds
            configuration.delivery.clockJumpThresholdMilliseconds = try section.int("clock-jump-threshold-ms", in: 0...86_400_000)
                ?? configuration.delivery.clockJumpThresholdMilliseconds
        }
        return configuration
    }
}
