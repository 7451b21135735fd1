import BankAdapter
import Foundation
import Testing

@Suite struct BankSimulatorTests {
    private let goodAccount = AccountNumber.completing("33980102045650")

    private func start(_ configuration: BankSimulator.Configuration) throws -> (BankSimulator, HTTPServer, CoreBankingClient) {
        let simulator = BankSimulator(configuration: configuration)
        let server = try HTTPServer(host: "127.0.0.1", port: 0) { simulator.handle($0) }
        let client = CoreBankingClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)")!, timeout: .seconds(5))
        return (simulator, server, client)
    }

    @Test func accountNumbersCarryALuhnCheckDigit() {
        #expect(AccountNumber.isValid("79927398713"))
        #expect(!AccountNumber.isValid("79927398710"))
        #expect(AccountNumber.isValid(goodAccount))
        #expect(!AccountNumber.isValid("12345"))
        #expect(!AccountNumber.isValid("1234567890123456789"))
        #expect(!AccountNumber.isValid("79927a98713"))
    }

    @Test func aTransferSettlesOnceAndARepeatGetsTheSameAnswer() async throws {
        let (simulator, server, client) = try start(.init(latencyMilliseconds: 0, latencyJitterMilliseconds: 0, failureRate: 0))
        defer { server.shutdown() }
        let request = TransferRequest(reference: "PKH-2026Q4-00000001", accountNumber: goodAccount, amount: 750_000, beneficiaryName: "Sri Wahyuni")
        let first = await client.transfer(request)
        let again = await client.transfer(request)
        guard case .settled(let id, let at) = first else {
            Issue.record("expected settled, got \(first)")
            return
        }
        #expect(id.hasPrefix("BRI-BSK-"))
        #expect(!at.isEmpty)
        #expect(again == first)
        var changed = request
        changed.amount = 1
        guard case .refused(let code, _) = await client.transfer(changed) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(code == "duplicate-reference-mismatch")
        let stats = simulator.statistics
        #expect(stats.settled == 1)
        #expect(stats.repeated == 1)
        #expect(stats.refused == 1)
    }

    @Test func badClosedAndDormantAccountsAreRefusedForGood() async throws {
        let closed = AccountNumber.completing("00210101234550")
        let dormant = AccountNumber.completing("00210101234551")
        let (_, server, client) = try start(.init(latencyMilliseconds: 0, latencyJitterMilliseconds: 0, failureRate: 0,
                                                  dormantAccounts: [dormant], closedAccounts: [closed]))
        defer { server.shutdown() }
        var codes: [String] = []
        for (index, account) in ["002101012345507", closed, dormant].enumerated() {
            let outcome = await client.transfer(TransferRequest(reference: "BLT-202611-0000000\(index)", accountNumber: account, amount: 600_000, beneficiaryName: "X"))
            if case .refused(let code, _) = outcome { codes.append(code) } else { Issue.record("expected a refusal, got \(outcome)") }
        }
        #expect(codes == ["account-not-found", "account-closed", "account-dormant"])
    }

    @Test func outagesAreUnavailableWithRetryAfter() async throws {
        let (simulator, server, client) = try start(.init(latencyMilliseconds: 0, latencyJitterMilliseconds: 0, failureRate: 1, retryAfterSeconds: 3))
        defer { server.shutdown() }
        let outcome = await client.transfer(TransferRequest(reference: "PKH-2026Q4-00000002", accountNumber: goodAccount, amount: 1, beneficiaryName: "X"))
        #expect(outcome == .unavailable(retryAfter: .seconds(3), detail: "HTTP 503 core-banking.unavailable"))
        #expect(simulator.statistics.unavailable == 1)
        #expect(simulator.statistics.settled == 0)
    }

    @Test func aClosedPortIsUnavailable() async throws {
        let (_, server, _) = try start(.init())
        let port = server.port
        server.shutdown()
        try await Task.sleep(for: .milliseconds(300))
        let client = CoreBankingClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!, timeout: .seconds(2))
        guard case .unavailable = await client.transfer(TransferRequest(reference: "R", accountNumber: goodAccount, amount: 1, beneficiaryName: "X")) else {
            Issue.record("expected unavailable")
            return
        }
    }

    @Test func malformedRequestsAndUnknownPathsAreAnswered() throws {
        let simulator = BankSimulator(configuration: .init(latencyMilliseconds: 0, latencyJitterMilliseconds: 0, failureRate: 0))
        #expect(simulator.handle(HTTPRequest(method: "POST", target: "/v1/transfers", body: Array("{".utf8))).status == 400)
        #expect(simulator.handle(HTTPRequest(method: "GET", target: "/nope")).status == 404)
        #expect(simulator.handle(HTTPRequest(method: "DELETE", target: "/v1/transfers")).status == 405)
        #expect(simulator.handle(HTTPRequest(method: "GET", target: "/v1/stats")).status == 200)
        #expect(throws: HTTPRequestParser.Failure.tooLarge) {
            _ = try HTTPRequestParser.parse(Array("POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n".utf8))
        }
        #expect(throws: HTTPRequestParser.Failure.malformed) {
            _ = try HTTPRequestParser.parse(Array("garbage\r\n\r\n".utf8))
        }
    }
}
