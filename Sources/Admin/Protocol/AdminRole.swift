/// What an operator may do on the admin endpoint (`Config/operators.yaml`, `docs/admin.md`).
///
/// | role | read (status, queues, tail, dlq list/show, events show) | dlq replay/purge | `--unmask` |
/// |---|---|---|---|
/// | `viewer` | yes | no | no |
/// | `operator` | yes | yes | no |
/// | `admin` | yes | yes | yes |
///
/// `Sendable`: an enum.
public enum AdminRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Reads everything, always masked.
    case viewer
    /// A viewer that may also replay and purge dead letters.
    case `operator`
    /// An operator that may also see personal data unmasked.
    case admin

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .operator: 1
        case .admin: 2
        }
    }

    /// Orders by privilege (`viewer < operator < admin`).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    /// Whether the role may change state (replay, purge).
    public var mayChangeState: Bool { self >= .operator }

    /// Whether the role may see personal data unmasked.
    public var mayUnmask: Bool { self == .admin }
}
