import Foundation
import Logging

/// Runs an ``Adapter``: reads `Config/adapters/<name>.yaml`, starts the ``GerbangClient``,
/// creates the adapter, runs its producing side and hands it deliveries (at most
/// ``GerbangClient/Configuration/concurrency`` at once), until SIGTERM or SIGINT — then stops
/// producing, lets running handlers finish, waits for publish answers and closes the session.
///
/// An adapter executable's `main.swift` is three lines:
///
/// ```swift
/// import GerbangKit
/// import Logging
/// LoggingSystem.bootstrap(StreamLogHandler.standardError)
/// try await AdapterRunner<MyAdapter>(arguments: CommandLine.arguments).run()
/// ```
///
/// `Sendable`: immutable values.
public struct AdapterRunner<A: Adapter>: Sendable {
    /// The configuration file.
    public let configurationPath: String
    /// The folder relative paths are resolved against.
    public let baseDirectory: String
    /// The runner's and adapter's logger.
    public let logger: Logger

    /// A runner for `configurationPath` (default `Config/adapters/<name>.yaml`).
    public init(configurationPath: String? = nil, baseDirectory: String? = nil, logger: Logger? = nil) {
        self.configurationPath = configurationPath ?? "Config/adapters/\(A.descriptor.name).yaml"
        self.baseDirectory = baseDirectory ?? FileManager.default.currentDirectoryPath
        self.logger = logger ?? Logger(label: "gerbang.adapter.\(A.descriptor.name)")
    }

    /// A runner from command-line arguments: `--config PATH` (default
    /// `Config/adapters/<name>.yaml`) and `--log-level LEVEL` (default `info`).
    public init(arguments: [String]) {
        var path: String?
        var level = Logger.Level.info
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            let value = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch argument {
            case "--config": path = value; index += 1
            case "--log-level": level = value.flatMap(Logger.Level.init(rawValue:)) ?? level; index += 1
            default: break
            }
            index += 1
        }
        var logger = Logger(label: "gerbang.adapter.\(A.descriptor.name)")
        logger.logLevel = level
        self.init(configurationPath: path, logger: logger)
    }

    /// Runs until SIGTERM/SIGINT (or until a producer-only adapter's ``Adapter/run(context:)``
    /// returns), then shuts down gracefully.
    public func run() async throws {
        let shutdown = ShutdownSignal()
        try await run(until: { _ = await shutdown.wait() })
    }

    /// Runs until `stop` returns (tests pass their own condition), then shuts down gracefully.
    public func run(until stop: @escaping @Sendable () async -> Void) async throws {
        let file = try AdapterConfigurationFile<A.Settings>.load(file: configurationPath, baseDirectory: baseDirectory)
        var configuration = file.client
        configuration.adapterVersion = A.descriptor.version
        let client = try GerbangClient(configuration: configuration, logger: logger)
        let context = AdapterContext(client: client, logger: logger, baseDirectory: baseDirectory)
        logger.info("adapter starting", metadata: [
            "adapter": "\(A.descriptor.name)", "agency": "\(A.descriptor.agency)", "endpoint": "\(configuration.endpoint)",
        ])
        do {
            let adapter = try await A(settings: file.settings, context: context)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await stop() }
                group.addTask {
                    do {
                        try await adapter.run(context: context)
                        if A.descriptor.consumes.isEmpty { return }
                        try await Task.sleepUntilCancelled()
                    } catch is CancellationError {
                        // Shutdown: the producer was asked to stop.
                    }
                }
                if let metrics = file.metrics {
                    group.addTask { await Self.writeMetrics(context.metrics, to: metrics, logger: logger) }
                }
                if !A.descriptor.consumes.isEmpty {
                    let deliveries = try client.subscribe()
                    group.addTask { await Self.consume(deliveries, adapter: adapter, context: context) }
                }
                _ = try await group.next()
                group.cancelAll()
                while let _ = try await group.next() {}
            }
        } catch {
            logger.error("adapter failed", metadata: ["error": "\(error)"])
            await client.close()
            throw error
        }
        await client.close()
        if let metrics = file.metrics { try? context.metrics.write(to: metrics.file, adapter: A.descriptor.name) }
        logger.info("adapter stopped", metadata: [
            "published": "\(context.metrics.value(.published))", "acknowledged": "\(context.metrics.value(.acknowledged))",
        ])
    }

    /// Rewrites the metrics file every interval until cancelled.
    static func writeMetrics(_ metrics: AdapterMetrics, to file: AdapterConfigurationFile<A.Settings>.MetricsFile, logger: Logger) async {
        while !Task.isCancelled {
            do {
                try metrics.write(to: file.file, adapter: A.descriptor.name)
            } catch {
                logger.warning("cannot write the metrics file", metadata: ["file": "\(file.file)", "error": "\(error)"])
            }
            try? await Task.sleep(for: file.interval)
        }
    }

    /// Hands deliveries to the adapter, at most the configured concurrency at once, and answers
    /// each with the adapter's outcome.
    static func consume(_ deliveries: DeliveryStream, adapter: A, context: AdapterContext) async {
        let limit = Int(max(context.client.configuration.concurrency, 1))
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            for await delivery in deliveries {
                if running >= limit {
                    await group.next()
                    running -= 1
                }
                context.metrics.increment(.delivered)
                group.addTask { await process(delivery, adapter: adapter, context: context) }
                running += 1
            }
        }
    }

    /// Runs the adapter's handler for one delivery and sends its answer.
    static func process(_ delivery: Delivery, adapter: A, context: AdapterContext) async {
        let outcome: DeliveryOutcome
        do {
            outcome = try await adapter.handle(delivery, context: context)
        } catch let error as MappingError {
            outcome = .reject(reason: error.reason, message: error.description)
        } catch {
            outcome = .retry(reason: "adapter.error", message: "\(error)")
        }
        do {
            switch outcome {
            case .ack:
                try await delivery.ack()
                context.metrics.increment(.acknowledged)
            case .retry(let delay, let reason, let message):
                try await delivery.retry(after: delay, reason: reason, message: message)
                context.metrics.increment(.retried)
            case .reject(let reason, let message):
                try await delivery.reject(reason: reason, message: message)
                context.metrics.increment(.rejected)
            }
        } catch {
            context.logger.warning("cannot answer a delivery", metadata: ["delivery": "\(delivery.id)", "error": "\(error)"])
        }
    }
}
