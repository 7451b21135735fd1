import GerbangJSON

extension Evaluator {
    /// `properties`, `patternProperties`, `additionalProperties`, `propertyNames`,
    /// `unevaluatedProperties` on an object instance.
    mutating func evaluateObjectApplicator(
        _ keyword: Keyword, _ object: JSONObject, _ annotations: inout Annotations, collect: Bool
    ) -> Bool {
        var valid = true
        switch keyword.kind {
        case .properties(let table):
            for member in object {
                guard let subschema = table.lookup[member.key] else { continue }
                var ignored = Annotations()
                if apply(subschema, to: member.value, at: .key(member.key), keyword: keyword.name, .key(member.key), &ignored, collect: false) {
                    if collect { annotations.properties.insert(member.key) }
                } else {
                    valid = false
                    if !recording { return false }
                }
            }
        case .patternProperties(let entries):
            for member in object {
                for entry in entries where entry.pattern.matches(member.key) {
                    var ignored = Annotations()
                    if apply(entry.node, to: member.value, at: .key(member.key), keyword: keyword.name, .key(entry.pattern.source), &ignored, collect: false) {
                        if collect { annotations.properties.insert(member.key) }
                    } else {
                        valid = false
                        if !recording { return false }
                    }
                }
            }
        case .additionalProperties(let subschema, let declared, let patterns):
            for member in object where !declared.contains(member.key) && !patterns.contains(where: { $0.matches(member.key) }) {
                var ignored = Annotations()
                if !apply(subschema, to: member.value, at: .key(member.key), keyword: keyword.name, .none, &ignored, collect: false) {
                    valid = false
                    if !recording { return false }
                }
            }
            if valid && collect { annotations.allProperties = true }
        case .propertyNames(let subschema):
            for member in object {
                var ignored = Annotations()
                if !apply(subschema, to: .string(member.key), at: .none, keyword: keyword.name, .none, &ignored, collect: false) {
                    valid = false
                    if !recording { return false }
                }
            }
        case .unevaluatedProperties(let subschema):
            for member in object where !annotations.hasEvaluated(property: member.key) {
                var ignored = Annotations()
                if !apply(subschema, to: member.value, at: .key(member.key), keyword: keyword.name, .none, &ignored, collect: false) {
                    valid = false
                    if !recording { return false }
                }
            }
            if valid { annotations.allProperties = true }
        default:
            break
        }
        return valid
    }
}
