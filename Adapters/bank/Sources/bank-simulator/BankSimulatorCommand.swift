import ArgumentParser
import BankAdapter
import Foundation
import GerbangKit

/// `bank-simulator`: the simulated core banking transfer API the bank adapter calls in
/// development and tests (Adapters/bank/README.md). Prints `bank-simulator ready port=N` on
/// stdout once listening; SIGTERM or SIGINT stop it.
@main
struct BankSimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank-simulator",
        abstract: "Serve a simulated bank transfer API with latency and outages (development and tests only)."
    )

    @Option(help: "IPv4 address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one, printed in the ready line).")
    var port: UInt16 = 9580

    @Option(help: "Minimum time a transfer takes, in milliseconds.")
    var latencyMs = 20

    @Option(help: "Extra random time per transfer, 0 to this many milliseconds.")
    var latencyJitterMs = 30

    @Option(help: "Share of transfer calls answered 503 unavailable (0-1).")
    var failureRate = 0.2

    @Option(help: "Retry-After of a 503, in seconds.")
    var retryAfter = 1

    @Option(help: "An account that is dormant (refused account-dormant); repeatable.")
    var dormantAccount: [String] = []

    @Option(help: "An account that is closed (refused account-closed); repeatable.")
    var closedAccount: [String] = []

    @Option(help: "Prefix of the bank's transaction ids.")
    var transactionPrefix = "BRI-BSK"

    @Option(help: "Seed of the random outages and latencies (default: random).")
    var seed: UInt64?

    @Option(help: "Connections served at once.")
    var maxConnections = 64

    mutating func validate() throws {
        guard (0...1).contains(failureRate) else { throw ValidationError("--failure-rate is between 0 and 1") }
        guard latencyMs >= 0, latencyJitterMs >= 0, retryAfter >= 0 else { throw ValidationError("latencies and --retry-after are >= 0") }
        guard (1...1_024).contains(maxConnections) else { throw ValidationError("--max-connections is 1-1024") }
    }

    mutating func run() async throws {
        let simulator = BankSimulator(configuration: .init(
            latencyMilliseconds: latencyMs, latencyJitterMilliseconds: latencyJitterMs, failureRate: failureRate,
            retryAfterSeconds: retryAfter, dormantAccounts: Set(dormantAccount), closedAccounts: Set(closedAccount),
            transactionPrefix: transactionPrefix, seed: seed))
        let shutdown = ShutdownSignal()
        let server = try HTTPServer(host: host, port: port, limits: .init(maxConnections: maxConnections)) { simulator.handle($0) }
        FileHandle.standardOutput.write(Data("bank-simulator ready port=\(server.port)\n".utf8))
        _ = await shutdown.wait()
        server.shutdown()
        let statistics = simulator.statistics
        FileHandle.standardError.write(Data(("bank-simulator stopped: requests=\(statistics.requests) settled=\(statistics.settled) "
            + "repeated=\(statistics.repeated) unavailable=\(statistics.unavailable) refused=\(statistics.refused)\n").utf8))
    }
}
