import GerbangJSON

extension Evaluator {
    /// `prefixItems`, `items`, `contains`, `unevaluatedItems` on an array instance.
    mutating func evaluateArrayApplicator(
        _ keyword: Keyword, _ items: [JSONValue], _ annotations: inout Annotations, collect: Bool
    ) -> Bool {
        switch keyword.kind {
        case .prefixItems(let subschemas):
            var valid = true
            for index in 0..<min(items.count, subschemas.count) {
                var ignored = Annotations()
                if !apply(subschemas[index], to: items[index], at: .index(index), keyword: keyword.name, .index(index), &ignored, collect: false) {
                    valid = false
                    if !recording { return false }
                }
            }
            if valid && collect { annotations.itemPrefix = max(annotations.itemPrefix, min(items.count, subschemas.count)) }
            return valid
        case .items(let subschema, let start):
            var valid = true
            var index = start
            while index < items.count {
                var ignored = Annotations()
                if !apply(subschema, to: items[index], at: .index(index), keyword: keyword.name, .none, &ignored, collect: false) {
                    valid = false
                    if !recording { return false }
                }
                index += 1
            }
            if valid && collect { annotations.allItems = true }
            return valid
        case .contains(let subschema, let minimum, let maximum):
            var matched: [Int] = []
            for (index, item) in items.enumerated() {
                var ignored = Annotations()
                if test(subschema, item, &ignored, collect: false) {
                    matched.append(index)
                    if !collect && maximum == nil && matched.count >= minimum { break }
                }
            }
            if matched.count < minimum {
                fail(keyword, minimum == 1 ? "must contain at least one matching item" : "must contain at least \(minimum) matching items, has \(matched.count)")
                return false
            }
            if let maximum, matched.count > maximum {
                fail(keyword, "must contain at most \(maximum) matching items, has \(matched.count)")
                return false
            }
            if collect { for index in matched { annotations.items.insert(index) } }
            return true
        case .unevaluatedItems(let subschema):
            var valid = true
            for index in items.indices where !annotations.hasEvaluated(item: index) {
                if rejectsEverything(subschema) {
                    reject(keyword, at: .index(index), "is not allowed (no schema evaluates this item)")
                    valid = false
                    if !recording { return false }
                    continue
                }
                var ignored = Annotations()
                if !apply(subschema, to: items[index], at: .index(index), keyword: keyword.name, .none, &ignored, collect: false) {
                    valid = false
                    if !recording { return false }
                }
            }
            if valid { annotations.allItems = true }
            return valid
        default:
            return true
        }
    }
}
