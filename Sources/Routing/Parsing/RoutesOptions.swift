/// What a routes file is checked against, and the limits on it.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct RoutesOptions: Sendable, Hashable {
    /// The agency ids the routes may name (from `Config/agencies.yaml`); nil skips the check.
    public var knownAgencies: Set<String>?
    /// The event types of the catalogue; when given, every glob must match at least one of them
    /// (`routes.unmatched-glob`), which catches `population.*` written for `population.**`.
    /// Nil skips the check.
    public var knownTypes: Set<String>?
    /// The largest routes file accepted, in bytes. Default 1 MiB.
    public var maxFileBytes: Int
    /// The most subscriptions a file may declare. Default 1,000.
    public var maxSubscriptions: Int
    /// The most type globs in one `publish` entry or one subscription. Default 100.
    public var maxGlobsPerEntry: Int
    /// How many distinct types a ``RouteTable`` memoises. Default 4,096.
    public var typeCacheCapacity: Int

    /// The default ``maxFileBytes``.
    public static let defaultMaxFileBytes = 1 << 20
    /// The default ``maxSubscriptions``.
    public static let defaultMaxSubscriptions = 1_000
    /// The default ``maxGlobsPerEntry``.
    public static let defaultMaxGlobsPerEntry = 100
    /// The default ``typeCacheCapacity``.
    public static let defaultTypeCacheCapacity = 4_096

    /// Options; by default nothing is checked against agencies or types.
    public init(
        knownAgencies: Set<String>? = nil,
        knownTypes: Set<String>? = nil,
        maxFileBytes: Int = RoutesOptions.defaultMaxFileBytes,
        maxSubscriptions: Int = RoutesOptions.defaultMaxSubscriptions,
        maxGlobsPerEntry: Int = RoutesOptions.defaultMaxGlobsPerEntry,
        typeCacheCapacity: Int = RoutesOptions.defaultTypeCacheCapacity
    ) {
        self.knownAgencies = knownAgencies
        self.knownTypes = knownTypes
        self.maxFileBytes = maxFileBytes
        self.maxSubscriptions = maxSubscriptions
        self.maxGlobsPerEntry = maxGlobsPerEntry
        self.typeCacheCapacity = typeCacheCapacity
    }
}
