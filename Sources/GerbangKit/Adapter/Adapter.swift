/// An agency adapter: the piece of software that connects one agency system to Gerbang.
/// Conformers are `Sendable` (the runner calls them from concurrent tasks).
///
/// An adapter declares who it is (``descriptor``: agency, name, version, the event types it
/// consumes and produces), how its agency's native records become canonical events
/// (``events(from:)``), and what it does with the canonical events it receives
/// (``handle(_:context:)``). ``AdapterRunner`` does the rest: configuration from
/// `Config/adapters/<name>.yaml`, the ``GerbangClient``, logging, metrics, graceful shutdown.
///
/// ```swift
/// struct DeathNotifier: Adapter {
///     static let descriptor = AdapterDescriptor(agency: "kemensos", name: "bansos", version: "1.0.0",
///                                               consumes: [DeathRegistered.eventType], produces: [])
///     init(settings: NoSettings, context: AdapterContext) async throws {}
///     func handle(_ delivery: Delivery, context: AdapterContext) async throws -> DeliveryOutcome {
///         let death = try delivery.decode(DeathRegistered.self)
///         context.logger.info("death registered", metadata: ["certificate": "\(death.deathCertificateNumber)"])
///         return .ack
///     }
/// }
/// ```
public protocol Adapter: Sendable {
    /// The adapter's own settings: the `settings:` section of its configuration file.
    associatedtype Settings: Decodable & Sendable = NoSettings
    /// One record of the agency's own system (a CSV row, a database row, an API object).
    associatedtype NativeRecord: Sendable = Never

    /// Who the adapter is and which event types it consumes and produces.
    static var descriptor: AdapterDescriptor { get }

    /// Creates the adapter once the runner has read its settings and started its client.
    init(settings: Settings, context: AdapterContext) async throws

    /// Native → canonical: the events one native record stands for. Throw ``MappingError`` for
    /// a record that cannot be mapped (the caller reports it, e.g. to a rejects file).
    func events(from record: NativeRecord) throws(MappingError) -> [OutgoingEvent]

    /// The producing side: watch the agency's system and publish (``AdapterContext/publish(_:)``)
    /// until the task is cancelled (graceful shutdown). Default: nothing to produce.
    func run(context: AdapterContext) async throws

    /// Canonical → native: apply one delivered event to the agency's system and say how it went.
    /// A thrown ``MappingError`` rejects the delivery (dead letters); any other error asks for
    /// a retry with the route's backoff. Default: reject (the adapter consumes nothing).
    func handle(_ delivery: Delivery, context: AdapterContext) async throws -> DeliveryOutcome
}

extension Adapter {
    public func run(context: AdapterContext) async throws {}

    public func handle(_ delivery: Delivery, context: AdapterContext) async throws -> DeliveryOutcome {
        .reject(reason: "adapter.not-consumed", message: "\(Self.descriptor.name) does not consume \(delivery.type)")
    }
}

extension Adapter where NativeRecord == Never {
    public func events(from record: Never) throws(MappingError) -> [OutgoingEvent] {}
}
