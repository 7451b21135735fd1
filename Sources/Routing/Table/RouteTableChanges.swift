/// What changed between two route tables, by subscription id (for the reload log and for the
/// broker to start or stop delivery loops).
///
/// `Sendable`: a value type of `Sendable` fields.
public struct RouteTableChanges: Sendable, Hashable {
    /// Subscriptions only in the new table, sorted.
    public var added: [String]
    /// Subscriptions only in the old table, sorted. Their delivery state stays in the store.
    public var removed: [String]
    /// Subscriptions in both whose settings differ, sorted.
    public var modified: [String]
    /// Whether any publish permission changed.
    public var permissionsChanged: Bool

    /// The changes from `old` to `new`.
    public init(from old: RouteTable, to new: RouteTable) {
        let oldIDs = Set(old.subscriptions.map(\.id))
        let newIDs = Set(new.subscriptions.map(\.id))
        added = newIDs.subtracting(oldIDs).sorted()
        removed = oldIDs.subtracting(newIDs).sorted()
        modified = oldIDs.intersection(newIDs).filter { old.subscription(id: $0) != new.subscription(id: $0) }.sorted()
        permissionsChanged = old.permissions != new.permissions
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && modified.isEmpty && !permissionsChanged }
}
