import Foundation
import Testing

@Suite("gerbang routes")
struct RoutesCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func checkAcceptsTheRepositoryRoutes() throws {
        let result = try GerbangProcess.run(["routes", "check"], in: Self.repository)
        let output = String(decoding: result.stdout, as: UTF8.self)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(output.contains("Config/routes.yaml: valid, 4 publishing agencies, 3 subscriptions"))
        #expect(output.contains("subscribe bank-bri.disbursement → bank-bri/disbursement: socialaid.disbursement.requested (filtered); order-by partitionkey; max-attempts 20"))
        #expect(output.contains("lease 2m"))
    }

    @Test func checkRefusesAnInvalidFileWithItsLine() throws {
        let routes = try String(contentsOf: Self.repository.appendingPathComponent("Config/routes.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    order-by: partitionkey    # results", with: "    order-by: partitionkey\n    retyr: {}  # results")
        let line = try #require(routes.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("    retyr:") }) + 1
        let path = try temporaryFile(Array(routes.utf8), name: "routes.yaml")
        let result = try GerbangProcess.run(["routes", "check", "--routes", path], in: Self.repository)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):\(line):5: subscription 'kemensos.bansos': unknown key 'retyr' (did you mean 'retry'?) [routes.unknown-key]"),
                "\(result.stderr)")
    }

    @Test func checkRefusesAnUnknownAgency() throws {
        let routes = "publish:\n  kemenkes: [population.**]\nsubscriptions: []\n"
        let path = try temporaryFile(Array(routes.utf8), name: "routes.yaml")
        let result = try GerbangProcess.run(["routes", "check", "--routes", path], in: Self.repository)
        #expect(result.status == 1)
        #expect(result.stderr.contains(":2:3: publish 'kemenkes': unknown agency 'kemenkes'"), "\(result.stderr)")
        let unchecked = try GerbangProcess.run(["routes", "check", "--routes", path, "--agencies", ""], in: Self.repository)
        #expect(unchecked.status == 0, "\(unchecked.stderr)")
    }

    @Test func matchShowsPermissionAndReceivers() throws {
        let death = try GerbangProcess.run(
            ["routes", "match", "--type", "population.death.registered", "--source", "dukcapil"], in: Self.repository)
        let output = String(decoding: death.stdout, as: UTF8.self)
        #expect(death.status == 0, "\(death.stderr)")
        #expect(output == """
            publish: permitted
            receiver: bpjs-kesehatan.kepesertaan → bpjs-kesehatan/kepesertaan
            receiver: kemensos.bansos → kemensos/bansos

            """)
        let forged = try GerbangProcess.run(
            ["routes", "match", "--type", "population.death.registered", "--source", "kemensos", "--attribute", "partitionkey=KPM-1"],
            in: Self.repository)
        #expect(forged.status == 3)
        #expect(String(decoding: forged.stdout, as: UTF8.self).hasPrefix("publish: not permitted (route.not-permitted)"))
    }
}
