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
            delivery: {lease-ms: 1234}
            """)
        #expect(configuration.adapterEndpoint == "tcp://127.0.0.1:7000")
        #expect(configuration.limits.maxCredit == 50)
        #expect(configuration.delivery.leaseMilliseconds == 1234)
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

    @Test func shippedConfigurationLoads() throws {
        let root = BrokerProcessPaths.repositoryRoot
        let configuration = try BrokerConfiguration.load(contentsOf: root + "/Config/gerbang.yaml")
        #expect(configuration == BrokerConfiguration())
    }

    @Test func routesGlobAndRetry() throws {
        let routes = try ProvisionalRoutesFile.parse(yaml: BrokerProcess.routes)
        #expect(routes.mayPublish(agency: "dukcapil", type: "population.death.registered"))
        #expect(!routes.mayPublish(agency: "kemensos", type: "population.death.registered"))
        #expect(routes.subscriptions(matching: "population.birth.registered").map(\.name) == ["kemensos-population"])
        var generator = SystemRandomNumberGenerator()
        let retry = routes.subscriptions["kemensos-population"]!.retry
        for attempt in 1...5 {
            let delay = retry.delayMilliseconds(afterAttempt: attempt, using: &generator)
            #expect(delay >= 0 && delay <= min(200, 50 << (attempt - 1)))
        }
        #expect(retry.delayMilliseconds(afterAttempt: 1, requested: 10_000, using: &generator) == 200)
    }
}

enum BrokerProcessPaths {
    static var repositoryRoot: String { BrokerProcess.repositoryRoot.path }
}
