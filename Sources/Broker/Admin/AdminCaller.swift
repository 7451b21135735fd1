import Admin

/// Who sent an admin request: the operator the ZAP handler authenticated and their role.
///
/// `Sendable`: a value type.
struct AdminCaller: Sendable, Hashable {
    /// The operator's name (`Config/operators.yaml`).
    var name: String
    /// The operator's role.
    var role: AdminRole
}
