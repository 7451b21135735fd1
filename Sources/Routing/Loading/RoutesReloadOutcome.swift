/// The result of ``RoutesReloader/reload()``.
///
/// `Sendable`: an enum of `Sendable` payloads.
public enum RoutesReloadOutcome: Sendable {
    /// The new file is in force; the changes say what differs from the previous routes.
    case reloaded(RouteTable, RouteTableChanges)
    /// The file parses to the routes already in force; nothing to do.
    case unchanged
    /// The new file was refused; the previous routes stay in force.
    case refused(RoutesError)
}
