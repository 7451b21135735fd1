/// The two ends of a GMP session. `Sendable`: a plain enum.
public enum GMPRole: String, Hashable, Sendable, CaseIterable {
    /// An agency adapter: a ZeroMQ DEALER socket that connects to the broker.
    case adapter
    /// The broker `gerbangd`: a ZeroMQ ROUTER socket that adapters connect to.
    case broker
}
