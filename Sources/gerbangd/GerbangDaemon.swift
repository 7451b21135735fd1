import ArgumentParser
import Broker
import Dispatch
import Foundation
import Logging

/// `gerbangd`: the Gerbang broker. Thin: loads the configuration, starts `BrokerServer`, stops
/// it on SIGTERM or SIGINT.
@main
struct GerbangDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gerbangd",
        abstract: "The Gerbang broker: authenticated publish, routing and durable delivery over GMP/1.",
        discussion: "Every setting is documented in docs/configuration.md. SIGTERM or SIGINT stops gracefully (exit 0); SIGHUP reloads the routes and the CRLs.")

    @Option(help: "The configuration file (YAML).")
    var config = "Config/gerbang.yaml"

    @Flag(help: "Development mode: create missing CURVE keys and the development PKI under the data directory.")
    var dev = false

    @Option(help: "Override the adapter endpoint of the configuration (e.g. tcp://127.0.0.1:5560).")
    var endpoint: String?

    @Option(help: "Override the metrics endpoint of the configuration (host:port, or off).")
    var metricsEndpoint: String?

    @Option(help: "Override the admin endpoint of the configuration (e.g. tcp://127.0.0.1:5561, or off).")
    var adminEndpoint: String?

    @Option(help: "Override the data directory of the configuration.")
    var dataDir: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "gerbangd")
        // A write beyond RLIMIT_FSIZE then fails with EFBIG (a store write failure, answered
        // REJECTED store.unavailable) instead of killing the broker with SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        var configuration: BrokerConfiguration
        do {
            configuration = try BrokerConfiguration.load(contentsOf: config)
        } catch {
            FileHandle.standardError.write(Data("gerbangd: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if dev { configuration.developmentMode = true }
        if let endpoint { configuration.adapterEndpoint = endpoint }
        if let dataDir { configuration.dataDirectory = dataDir }
        if let adminEndpoint { configuration.adminEndpoint = adminEndpoint }
        if let metricsEndpoint {
            guard metricsEndpoint == "off" || BrokerConfiguration.parseHostPort(metricsEndpoint) != nil else {
                FileHandle.standardError.write(Data("gerbangd: --metrics-endpoint must be host:port or off\n".utf8))
                throw ExitCode(2)
            }
            configuration.metricsEndpoint = metricsEndpoint
        }
        let server: BrokerServer
        do {
            server = try await BrokerServer.start(configuration: configuration, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("gerbangd: \(error)\n".utf8))
            throw ExitCode(2)
        }
        // Machine-readable start line for supervisors and tests (stdout).
        let metricsPort = server.metricsPort.map { String($0) } ?? "off"
        let ready = "gerbangd ready endpoint=\(server.boundEndpoint) public-key=\(server.publicKey.z85) metrics-port=\(metricsPort) admin-endpoint=\(server.adminEndpoint ?? "off") node=\(server.nodeID)\n"
        FileHandle.standardOutput.write(Data(ready.utf8))
        let signals = StopSignals.install(
            stop: { signal in
                logger.notice("stopping on signal", metadata: ["signal": "\(signal)"])
                server.requestStop()
            },
            reload: {
                logger.notice("reloading on SIGHUP")
                server.reloadConfiguration()
            })
        await server.waitUntilStopped()
        withExtendedLifetime(signals) {}
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
