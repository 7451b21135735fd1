import Catalogue
import Foundation
import GerbangKit

/// Dukcapil's adapter: turns the population registry's (SIAK) CSV exports into
/// `population.birth.registered`, `population.death.registered` and `population.address.changed`.
///
/// The producing side watches the inbox (``InboxWatcher``): each export is parsed
/// (``ExportParser``), every good row published, every bad row written to the rejects file with
/// its line and reason, and the export moved to `done/` once every row has the broker's verdict.
/// Nothing is consumed.
///
/// `Sendable`: immutable values and `Sendable` references.
public struct PopulationRegistryAdapter: Adapter {
    public typealias Settings = PopulationRegistrySettings
    public typealias NativeRecord = ExportRow

    public static let descriptor = AdapterDescriptor(
        agency: "dukcapil", name: "siak", version: "1.0.0",
        consumes: [],
        produces: [BirthRegistered.eventType, DeathRegistered.eventType, AddressChanged.eventType]
    )

    /// The inbox, done and rejects folders.
    public let inbox: ExportInbox
    /// The export parser (region list and limits).
    public let parser: ExportParser
    private let settings: Settings

    public init(settings: Settings, context: AdapterContext) async throws {
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path)
                : URL(fileURLWithPath: context.baseDirectory).appendingPathComponent(path)
        }
        self.settings = settings
        inbox = ExportInbox(inbox: resolve(settings.inbox), done: settings.done.map(resolve), rejects: settings.rejects.map(resolve))
        try inbox.createFolders()
        let regions = try RegionDirectory(contentsOfFile: resolve(settings.regions).path)
        parser = ExportParser(regions: regions, delimiter: settings.delimiter.utf8.first!,
                              limits: .init(maxFileBytes: settings.maxFileBytes, maxRows: settings.maxRows))
        context.logger.info("watching the inbox", metadata: ["inbox": "\(inbox.inbox.path)"])
    }

    /// One export row → its canonical event (or the reason it has none).
    public func events(from record: ExportRow) throws(MappingError) -> [OutgoingEvent] {
        do {
            return [try RegistrationMapper.map(record).outgoingEvent()]
        } catch let rejection as RowRejection {
            throw MappingError(rejection.reason, field: rejection.column ?? "", rejection.message)
        } catch {
            throw MappingError("dukcapil.unmappable", "\(error)")
        }
    }

    /// Watches the inbox until shutdown.
    public func run(context: AdapterContext) async throws {
        let processor = ExportProcessor(inbox: inbox, parser: parser, publisher: ContextPublisher(context: context),
                                        maxInFlight: settings.maxInFlight, logger: context.logger)
        let watcher = InboxWatcher(processor: processor, pollInterval: .milliseconds(settings.pollIntervalMs),
                                   retryDelay: .milliseconds(settings.retryDelayMs), logger: context.logger)
        await watcher.run()
    }
}
