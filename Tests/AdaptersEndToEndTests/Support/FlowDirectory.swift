import Foundation

/// The temporary folder of one end-to-end run: broker configuration and routes, adapter
/// configurations, the register, the inbox. Removed when released.
final class FlowDirectory {
    let url: URL

    /// The repository root (found from this file).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-flow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// Writes `text` to `relative` (creating folders).
    func write(_ text: String, to relative: String) throws {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: target, atomically: true, encoding: .utf8)
    }

    /// The shipped routes (`Config/routes.yaml`) with fast retries, so that the bank's outages
    /// are retried within the test's time.
    static let routes = """
        version: 1
        defaults:
          retry: {max-attempts: 10, backoff-base: 20ms, backoff-factor: 2, backoff-cap: 300ms, visibility-timeout: 30s}
        publish:
          dukcapil: [population.**]
          kemensos: [socialaid.eligibility.revoked, socialaid.disbursement.requested, socialaid.beneficiary.enrolled]
          bank-bri: [socialaid.disbursement.settled, socialaid.disbursement.failed]
        subscriptions:
          - id: kemensos.bansos
            agency: kemensos
            adapter: bansos
            types: [population.death.registered, population.address.changed, socialaid.disbursement.settled, socialaid.disbursement.failed]
            order-by: partitionkey
          - id: bank-bri.disbursement
            agency: bank-bri
            adapter: disbursement
            types: [socialaid.disbursement.requested]
            filter:
              source: kemensos
            order-by: partitionkey
            retry: {max-attempts: 40}
        """

    /// The broker's configuration: development mode, free ports, this folder's data directory.
    func brokerConfiguration() -> String {
        let root = Self.repositoryRoot.path
        return """
            adapter-endpoint: tcp://127.0.0.1:*
            metrics-endpoint: 127.0.0.1:0
            data-directory: \(path("data"))
            development-mode: true
            paths:
              agencies: \(root)/Config/agencies.yaml
              schemas: \(root)/Config/schemas
              routes: \(path("routes.yaml"))
            heartbeat:
              interval-ms: 1000
            delivery:
              tick-ms: 20
            """
    }

    /// An adapter configuration: the client section for `agency`/`adapter` at `endpoint` with
    /// the broker's development keys, and `settings`.
    func adapterConfiguration(agency: String, adapter: String, endpoint: String, settings: String) -> String {
        """
        gerbang:
          agency: \(agency)
          adapter: \(adapter)
          endpoint: \(endpoint)
          data-directory: \(path("data"))
          concurrency: 32
        settings:
        \(settings)
        """
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
