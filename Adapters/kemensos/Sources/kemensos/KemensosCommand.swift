import ArgumentParser
import GerbangKit
import KemensosAdapter
import Logging

/// `kemensos`: Kemensos's bansos adapter (Adapters/kemensos/README.md).
@main
struct KemensosCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kemensos",
        abstract: "Kemensos's bansos adapter: the beneficiary register, revocations and disbursements.",
        subcommands: [Run.self, Status.self],
        defaultSubcommand: Run.self
    )

    /// Options every subcommand shares.
    struct Options: ParsableArguments {
        @Option(help: "The adapter's configuration file.")
        var config = "Config/adapters/bansos.yaml"
    }

    /// Runs the adapter until SIGTERM or SIGINT; SIGUSR1 runs a disbursement cycle at once.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the adapter (SIGUSR1: a disbursement cycle now).")

        @OptionGroup var options: Options

        @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
        var logLevel = "info"

        mutating func run() async throws {
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
            var logger = Logger(label: "gerbang.adapter.bansos")
            logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            try await AdapterRunner<SocialAidAdapter>(configurationPath: options.config, logger: logger).run()
        }
    }

    /// Prints the register's counts.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the register's counts (eligible, revoked, disbursements).")

        @OptionGroup var options: Options

        mutating func run() async throws {
            let file = try AdapterConfigurationFile<SocialAidSettings>.load(file: options.config)
            print(try BeneficiaryRegister(path: file.settings.database).statistics())
        }
    }
}
