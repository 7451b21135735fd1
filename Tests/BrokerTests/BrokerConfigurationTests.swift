import Broker
import Testing

@Suite struct BrokerConfigurationTests {
    @Test func emptyFileKeepsEveryDefault() throws {
        let configuration = try BrokerConfiguration.parse(yaml: "")
        #expect(configuration == BrokerConfiguration())
        #expect(configuration.limits.maxEventBytes == 262_144)
        #expect(configuration.adapterEndpoint == "tcp://127.0.0.1:5560")
    }

    @Test func settingsAreRead() throws {
        let configuration = try BrokerConfiguration.parse(yaml: """
            adapter-endpoint: tcp://127.0.0.1:7000
            limits: {max-credit: 50}
            delivery: {tick-ms: 1234}
            store: {fsync-delivery-transitions: true}
            """)
        #expect(configuration.store.fsyncDeliveryTransitions)
        #expect(BrokerConfiguration().store.fsyncDeliveryTransitions == false)
        #expect(configuration.adapterEndpoint == "tcp://127.0.0.1:7000")
        #expect(configuration.limits.maxCredit == 50)
        #expect(configuration.delivery.tickMilliseconds == 1234)
    }

    @Test func perAgencyRatesAndTheHelloTimeoutAreRead() throws {
        #expect(BrokerConfiguration().limits.helloTimeoutMilliseconds == 30_000)
        #expect(BrokerConfiguration().limits.agencyRates.isEmpty)
        let configuration = try BrokerConfiguration.parse(yaml: """
            limits:
              agency-publish-rate: 500
              agency-publish-burst: 50
              hello-timeout-ms: 0
              agency-rates:
                dukcapil: {rate: 2000, burst: 4000}
                bank-bri: {rate: 10}
            """)
        let limits = configuration.limits
        #expect(limits.helloTimeoutMilliseconds == 0)
        #expect(limits.publishRate(of: "dukcapil") == AgencyPublishRate(rate: 2_000, burst: 4_000))
        #expect(limits.publishRate(of: "bank-bri") == AgencyPublishRate(rate: 10, burst: 50), "burst defaults to agency-publish-burst")
        #expect(limits.publishRate(of: "kemensos") == AgencyPublishRate(rate: 500, burst: 50), "others: the default rate")
        for bad in ["limits: {agency-rates: {dukcapil: {burst: 5}}}", "limits: {agency-rates: {dukcapil: {rate: -1}}}",
                    "limits: {agency-rates: {dukcapil: {rate: 1, per: 5}}}", "limits: {agency-rates: {dukcapil: 5}}",
                    "limits: {hello-timeout-ms: -1}"] {
            #expect(throws: BrokerConfigurationError.self, "\(bad)") { try BrokerConfiguration.parse(yaml: bad) }
        }
    }

    @Test func unknownSettingIsRefused() {
        #expect(throws: BrokerConfigurationError.self) { try BrokerConfiguration.parse(yaml: "limits: {max-credits: 5}") }
        do {
            _ = try BrokerConfiguration.parse(yaml: "limits: {max-credits: 5}")
        } catch {
            #expect(error.reason == .unknownSetting)
            #expect(error.message.contains("limits.max-credits"))
        }
    }

    @Test func outOfRangeValueIsRefused() {
        do {
            _ = try BrokerConfiguration.parse(yaml: "heartbeat: {liveness: 0}")
            Issue.record("accepted liveness 0")
        } catch {
            #expect(error.reason == .invalidValue)
        }
    }

    @Test func storeBusyTimeoutAndClockJumpThresholdAreConfigurable() throws {
        let defaults = BrokerConfiguration()
        #expect(defaults.store.busyTimeoutMilliseconds == 5_000)
        #expect(defaults.delivery.clockJumpThresholdMilliseconds == 2_000)
        let configuration = try BrokerConfiguration.parse(yaml: """
            store: {busy-timeout-ms: 250}
            delivery: {clock-jump-threshold-ms: 0}
            """)
        #expect(configuration.store.busyTimeoutMilliseconds == 250)
        #expect(configuration.delivery.clockJumpThresholdMilliseconds == 0)
        #expect(throws: BrokerConfigurationError.self) { try BrokerConfiguration.parse(yaml: "store: {busy-timeout-ms: -1}") }
    }

    @Test func storeBackendAndPostgresURLAreRead() throws {
        #expect(BrokerConfiguration().store.backend == .sqlite)
        let configuration = try BrokerConfiguration.parse(yaml: """
            store: {backend: postgres, postgres-url: "postgres://gerbang@db:5432/broker?sslmode=disable", postgres-pool-size: 8}
            """)
        #expect(configuration.store.backend == .postgres)
        #expect(configuration.store.postgresURL == "postgres://gerbang@db:5432/broker?sslmode=disable")
        #expect(configuration.store.postgresPoolSize == 8)
        let missingURL = #expect(throws: BrokerConfigurationError.self) {
            try BrokerConfiguration.parse(yaml: "store: {backend: postgres}")
        }
        #expect(missingURL?.description.contains("postgres-url") == true)
        #expect(throws: BrokerConfigurationError.self) { try BrokerConfiguration.parse(yaml: "store: {backend: mysql}") }
    }

    @Test func shippedConfigurationLoads() throws {
        let root = BrokerProcessPaths.repositoryRoot
        let configuration = try BrokerConfiguration.load(contentsOf: root + "/Config/gerbang.yaml")
        #expect(configuration == BrokerConfiguration())
    }
}

enum BrokerProcessPaths {
    static var repositoryRoot: String { BrokerProcess.repositoryRoot.path }
}
