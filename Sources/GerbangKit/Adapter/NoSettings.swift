/// The settings of an adapter that has none. `Sendable`: an empty value.
public struct NoSettings: Decodable, Sendable, Hashable {
    /// No settings.
    public init() {}
}
