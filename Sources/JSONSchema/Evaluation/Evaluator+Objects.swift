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
            let members = object.members
            for position in members.indices {
                guard let subschema = table.node(for: members[position].key) else { continue }
                var ignored = Annotations()
                if apply(
                    subschema, to: members[position].value, at: .key(members[position].key), keyword: keyword.name,
                    .key(members[position].key), &ignored, collect: false)
                {
                    if collect { annotations.properties.insert(position) }
                } else {
                    valid = false
                    if !recording { return false }
                }
            }
        case .patternProperties(let entries):
            for (position, member) in object.enumerated() {
                for entry in entries where entry.pattern.matches(member.key) {
                    var ignored = Annotations()
                    if apply(entry.node, to: member.value, at: .key(member.key), keyword: keyword.name, .key(entry.pattern.source), &ignored, collect: false) {
                        if collect { annotations.properties.insert(position) }
                    } else {
                        valid = false
                        if !recording { return false }
                    }
                }
            }
        case .additionalProperties(let subschema, let declared, let patterns):
            let members = object.members
            for position in members.indices where declared.node(for: members[position].key) == nil {
                if !patterns.isEmpty && patterns.contains(where: { $0.matches(members[position].key) }) { continue }
                if rejectsEverything(subschema) {
                    reject(keyword, at: .key(members[position].key), "is not allowed (not a declared property)")
                    valid = false
                    if !recording { return false }
                    continue
                }
                var ignored = Annotations()
                if !apply(
                    subschema, to: members[position].value, at: .key(members[position].key), keyword: keyword.name, .none,
                    &ignored, collect: false)
                {
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
            for (position, member) in object.enumerated() where !annotations.hasEvaluated(property: position) {
                if rejectsEverything(subschema) {
                    reject(keyword, at: .key(member.key), "is not allowed (no schema evaluates this property)")
                    valid = false
                    if !recording { return false }
                    continue
                }
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
