import AdapterSamples
import DukcapilAdapter
import Foundation
import GerbangTesting
import KemensosAdapter
import Testing

/// The acceptance test of the first adapters, with real processes on 127.0.0.1: gerbangd
/// (development mode, SQLite), dukcapil, kemensos, bank and the bank simulator (30% outages).
///
/// A generated export of 1,000 civil-registration rows (50 deaths of current beneficiaries, 10
/// moves of beneficiaries, 20 malformed rows, the rest births, deaths and moves of other
/// residents) goes into dukcapil's inbox. Expected, exactly: the 20 malformed rows in the
/// rejects file with their reasons; 50 eligibility revocations (the deceased beneficiaries);
/// after a disbursement cycle, 150 requests (the 200 beneficiaries less the dead), every one
/// answered: 148 settled after the outages were retried, 2 failed (invalid accounts).
@Suite(.serialized) struct CivilRegistrationFlowTests {
    @Test(.timeLimit(.minutes(3)))
    func aThousandRowExportFlowsToDisbursements() async throws {
        let directory = try FlowDirectory()
        let started = Date()

        // Sample data: the register seed and the export.
        let regions = try SampleRegions(regionListPath: FlowDirectory.repositoryRoot
            .appendingPathComponent("Config/reference/wilayah-kemendagri-2025.csv").path)
        var generator = SampleGenerator(seed: 2026, regions: regions)
        let enrolled = generator.beneficiaries(count: 200, invalidAccounts: 2)
        let (export, expected) = generator.export(rows: 1_000, deceased: Array(enrolled[2..<52]),
                                                  moving: Array(enrolled[52..<62]), malformed: 20)
        #expect(expected.deceasedBeneficiaries.count == 50)
        #expect(expected.malformed.count == 20)
        try ([SampleBeneficiary.seedHeader] + enrolled.map(\.seedLine)).joined(separator: "\n")
            .write(to: directory.url.appendingPathComponent("beneficiaries.csv"), atomically: true, encoding: .utf8)

        // The broker.
        try directory.write(FlowDirectory.routes, to: "routes.yaml")
        try directory.write(directory.brokerConfiguration(), to: "gerbang.yaml")
        let broker = try ChildProcess("gerbangd", ["--config", directory.path("gerbang.yaml")], directory: directory.url)
        let ready = try broker.readyFields(prefix: "gerbangd ready")
        let endpoint = try #require(ready["endpoint"])
        let metricsPort = try #require(ready["metrics-port"].flatMap { UInt16($0) })

        // The bank and its adapter.
        let simulator = try ChildProcess("bank-simulator", [
            "--port", "0", "--failure-rate", "0.3", "--latency-ms", "0", "--latency-jitter-ms", "5", "--retry-after", "0", "--seed", "42",
        ], directory: directory.url)
        let bankPort = try #require(try simulator.readyFields(prefix: "bank-simulator ready")["port"].flatMap { UInt16($0) })
        try directory.write(directory.adapterConfiguration(agency: "bank-bri", adapter: "disbursement", endpoint: endpoint, settings: """
              bank-api: http://127.0.0.1:\(bankPort)
              timeout-ms: 5000
            """), to: "bank.yaml")
        let bank = try ChildProcess("bank", ["--config", directory.path("bank.yaml")], directory: directory.url)

        // Kemensos: the register seeded, cycles only on SIGUSR1.
        try directory.write(directory.adapterConfiguration(agency: "kemensos", adapter: "bansos", endpoint: endpoint, settings: """
              database: \(directory.path("kemensos/register.sqlite"))
              seed: \(directory.path("beneficiaries.csv"))
              disbursement:
                interval-seconds: 0
                period: 2026-Q4
            """), to: "kemensos.yaml")
        let kemensos = try ChildProcess("kemensos", ["run", "--config", directory.path("kemensos.yaml")], directory: directory.url)

        // Dukcapil.
        try directory.write(directory.adapterConfiguration(agency: "dukcapil", adapter: "siak", endpoint: endpoint, settings: """
              inbox: \(directory.path("dukcapil/inbox"))
              regions: \(FlowDirectory.repositoryRoot.appendingPathComponent("Config/reference/wilayah-kemendagri-2025.csv").path)
              poll-interval-ms: 100
            """), to: "dukcapil.yaml")
        let dukcapil = try ChildProcess("dukcapil", ["--config", directory.path("dukcapil.yaml")], directory: directory.url)
        let processes = [dukcapil, kemensos, bank, simulator, broker]
        func logs() -> String { processes.map { "== \($0.name)\n\($0.log.suffix(3_000))" }.joined(separator: "\n") }

        // Drop the export (written beside the inbox, then renamed into it).
        try directory.write(export, to: "dukcapil/export.part")
        try await waitFor("the inbox", timeout: 20) { FileManager.default.fileExists(atPath: directory.path("dukcapil/inbox")) }
        try FileManager.default.moveItem(atPath: directory.path("dukcapil/export.part"), toPath: directory.path("dukcapil/inbox/export.csv"))

        // 1. Dukcapil: every row has a verdict; the malformed rows and their reasons.
        try await waitFor("the export in done/", timeout: 60, logs: logs) {
            FileManager.default.fileExists(atPath: directory.path("dukcapil/done/export.csv"))
        }
        let rejects = RejectsFile.parse(try String(contentsOfFile: directory.path("dukcapil/rejects/export.rejects.csv"), encoding: .utf8))
        #expect(Dictionary(uniqueKeysWithValues: rejects.map { ($0.line, $0.reason) }) == expected.malformed)
        #expect(rejects.allSatisfy { !$0.message.isEmpty })

        // 2. Kemensos: exactly the deceased beneficiaries revoked (and the movers relocated).
        let register = try BeneficiaryRegister(path: directory.path("kemensos/register.sqlite"))
        try await waitFor("50 revocations", timeout: 60, logs: logs) {
            let statistics = try register.statistics()
            return statistics.revocationsPublished >= 50 && statistics.relocations >= 10
        }
        var statistics = try register.statistics()
        #expect(statistics.revoked == 50)
        #expect(statistics.revocationsPublished == 50)
        #expect(statistics.relocations == 10)
        for beneficiary in enrolled {
            let status = try #require(try register.beneficiary(id: beneficiary.id)).status
            #expect(status == (expected.deceasedBeneficiaries.contains(beneficiary.id) ? .revoked : .eligible), "\(beneficiary.id)")
        }

        // 3. A disbursement cycle: requests for the 150 living beneficiaries, all answered.
        kemensos.send(SIGUSR1)
        try await waitFor("150 answered disbursements", timeout: 90, logs: logs) {
            let statistics = try register.statistics()
            return statistics.settled + statistics.failed >= 150
        }
        statistics = try register.statistics()
        let disbursements = try register.disbursements()
        #expect(disbursements.count == 150)
        #expect(Set(disbursements.map(\.beneficiaryId)) == Set(enrolled.map(\.id)).subtracting(expected.deceasedBeneficiaries))
        #expect(statistics.settled == 148)
        #expect(statistics.failed == 2)
        #expect(Set(disbursements.filter { $0.status == .failed }.map(\.beneficiaryId)) == Set(enrolled[0..<2].map(\.id)))
        #expect(disbursements.filter { $0.status == .failed }.allSatisfy { $0.failureReason == "account-not-found" && $0.retryable == false })
        #expect(disbursements.filter { $0.status == .settled }.allSatisfy { $0.providerReference?.hasPrefix("BRI-BSK-") == true })

        // 4. The bank's outages happened and were retried; nothing was paid twice.
        let bankStatistics = try JSONDecoder().decode(BankStatistics.self, from: Data(try HTTPGet.body(port: bankPort, path: "/v1/stats").utf8))
        #expect(bankStatistics.unavailable > 0)
        #expect(bankStatistics.settled == 148)
        #expect(bankStatistics.refused == 2)
        let metrics = try HTTPGet.body(port: metricsPort, path: "/metrics")
        #expect(HTTPGet.metric("gerbang_retried_total", in: metrics) >= Double(bankStatistics.unavailable))
        // 980 registrations + 50 revocations + 150 requests + 150 answers, each stored once.
        #expect(HTTPGet.metric("gerbang_accepted_total{duplicate=\"false\"}", in: metrics) == 1_330)
        #expect(HTTPGet.metric("gerbang_dead_lettered_total", in: metrics) == 2) // the two refused payments

        // 5. Everything stops cleanly.
        for process in processes {
            #expect(process.terminate() == 0, "\(process.name) did not stop cleanly:\n\(process.log.suffix(2_000))")
        }
        #expect(Date().timeIntervalSince(started) < 180)
    }

    /// Polls `condition` every 100 ms until it holds; fails with the processes' logs after `timeout` seconds.
    private func waitFor(_ what: String, timeout: TimeInterval, logs: () -> String = { "" },
                         _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw EndToEndError("timed out waiting for \(what)\n\(logs())")
    }
}

/// The simulator's `GET /v1/stats`.
private struct BankStatistics: Decodable {
    var requests: Int
    var settled: Int
    var unavailable: Int
    var refused: Int
}
