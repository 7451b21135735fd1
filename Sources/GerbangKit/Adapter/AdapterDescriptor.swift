/// Who an adapter is: its agency, its name in `Config/routes.yaml`, its version, and the event
/// types it consumes and produces. `Sendable` value.
public struct AdapterDescriptor: Sendable, Hashable {
    /// The agency it speaks for (`Config/agencies.yaml`).
    public var agency: String
    /// Its name within the agency (an identifier); also the name of its configuration file.
    public var name: String
    /// Its software version (sent in HELLO).
    public var version: String
    /// The event types it handles in ``Adapter/handle(_:context:)``.
    public var consumes: [String]
    /// The event types it publishes.
    public var produces: [String]

    /// Creates a descriptor.
    public init(agency: String, name: String, version: String, consumes: [String] = [], produces: [String] = []) {
        self.agency = agency
        self.name = name
        self.version = version
        self.consumes = consumes
        self.produces = produces
    }
}
