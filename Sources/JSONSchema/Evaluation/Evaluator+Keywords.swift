import GerbangJSON

extension Evaluator {
    /// Evaluates one keyword; false when it fails (its errors recorded when recording).
    mutating func evaluate(_ keyword: Keyword, _ instance: JSONValue, _ annotations: inout Annotations, collect: Bool) -> Bool {
        switch keyword.kind {
        case .ref(let target):
            return applyInPlace(target, to: instance, keyword: keyword.name, .none, &annotations, collect: collect)
        case .dynamicRef(let target, let anchor):
            var chosen = target
            for resource in dynamicScope {
                if let anchored = program.resources[Int(resource)].dynamicAnchors[anchor] {
                    chosen = anchored
                    break
                }
            }
            return applyInPlace(chosen, to: instance, keyword: keyword.name, .none, &annotations, collect: collect)
        case .allOf(let subschemas):
            var valid = true
            for (index, subschema) in subschemas.enumerated()
            where !applyInPlace(subschema, to: instance, keyword: keyword.name, .index(index), &annotations, collect: collect) {
                valid = false
                if !recording { return false }
            }
            return valid
        case .anyOf(let subschemas):
            return evaluateAnyOf(keyword, subschemas, instance, &annotations, collect: collect)
        case .oneOf(let subschemas):
            return evaluateOneOf(keyword, subschemas, instance, &annotations, collect: collect)
        case .not(let subschema):
            var ignored = Annotations()
            if test(subschema, instance, &ignored, collect: false) {
                fail(keyword, "must not match the schema in 'not'")
                return false
            }
            return true
        case .conditional(let condition, let then, let otherwise):
            var conditionAnnotations = Annotations()
            if test(condition, instance, &conditionAnnotations, collect: collect) {
                if collect { annotations.merge(conditionAnnotations) }
                guard let then else { return true }
                return applyInPlace(then, to: instance, keyword: "then", .none, &annotations, collect: collect)
            }
            guard let otherwise else { return true }
            return applyInPlace(otherwise, to: instance, keyword: "else", .none, &annotations, collect: collect)
        case .dependentSchemas(let entries):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for entry in entries where ExactString.has(object, entry.property) {
                if !applyInPlace(entry.node, to: instance, keyword: keyword.name, .key(entry.property), &annotations, collect: collect) {
                    valid = false
                    if !recording { return false }
                }
            }
            return valid
        case .prefixItems, .items, .contains, .unevaluatedItems:
            guard case .array(let items) = instance else { return true }
            return evaluateArrayApplicator(keyword, items, &annotations, collect: collect)
        case .properties, .patternProperties, .additionalProperties, .propertyNames, .unevaluatedProperties:
            guard case .object(let object) = instance else { return true }
            return evaluateObjectApplicator(keyword, object, &annotations, collect: collect)
        default:
            return assert(keyword, instance)
        }
    }

    private mutating func evaluateAnyOf(
        _ keyword: Keyword, _ subschemas: [NodeID], _ instance: JSONValue, _ annotations: inout Annotations, collect: Bool
    ) -> Bool {
        var valid = false
        for subschema in subschemas {
            var local = Annotations()
            if test(subschema, instance, &local, collect: collect) {
                valid = true
                guard collect else { return true }
                annotations.merge(local)
            }
        }
        if !valid && recording {
            explainBranches(keyword, subschemas, instance)
            fail(keyword, "must match at least one of the \(subschemas.count) schemas in 'anyOf'")
        }
        return valid
    }

    private mutating func evaluateOneOf(
        _ keyword: Keyword, _ subschemas: [NodeID], _ instance: JSONValue, _ annotations: inout Annotations, collect: Bool
    ) -> Bool {
        var matches: [Int] = []
        var matched = Annotations()
        for (index, subschema) in subschemas.enumerated() {
            var local = Annotations()
            if test(subschema, instance, &local, collect: collect) {
                matches.append(index)
                if matches.count > 1 { break }
                matched = local
            }
        }
        if matches.count == 1 {
            if collect { annotations.merge(matched) }
            return true
        }
        if recording {
            if matches.isEmpty {
                explainBranches(keyword, subschemas, instance)
                fail(keyword, "must match exactly one of the \(subschemas.count) schemas in 'oneOf', matches none")
            } else {
                fail(keyword, "must match exactly one schema in 'oneOf', matches those at \(matches.map(String.init).joined(separator: " and "))")
            }
        }
        return false
    }

    /// Re-evaluates the branches of a failed `anyOf`/`oneOf` with recording on, so that their
    /// errors are reported. Each nested level of explanation doubles the work on the failure
    /// path, so only ``maxExplainedNesting`` levels are explained; deeper ones report only their
    /// own keyword error.
    private mutating func explainBranches(_ keyword: Keyword, _ subschemas: [NodeID], _ instance: JSONValue) {
        guard explainedNesting < Self.maxExplainedNesting else { return }
        explainedNesting += 1
        defer { explainedNesting -= 1 }
        for (index, subschema) in subschemas.enumerated() {
            var ignored = Annotations()
            _ = apply(subschema, to: instance, at: .none, keyword: keyword.name, .index(index), &ignored, collect: false)
        }
    }
}
