/// One step from a value to a child value, or from a keyword to a subschema; materialised as a
/// path token only when an error needs it.
enum PathStep {
    case none
    case key(String)
    case index(Int)

    var token: String? {
        switch self {
        case .none: nil
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}
