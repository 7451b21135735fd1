import GerbangJSON

extension Evaluator {
    /// The validation-vocabulary assertions and `format`; they apply to one instance type each
    /// (except `type`, `const`, `enum`) and pass for other types.
    mutating func assert(_ keyword: Keyword, _ instance: JSONValue) -> Bool {
        switch (keyword.kind, instance) {
        case (.type(let types), _):
            guard types.contains(typeOf: instance) else {
                fail(keyword, "must be of type \(types.names.joined(separator: " or ")), is \(JSONTypeSet.name(of: instance))")
                return false
            }
        case (.const(let expected), _):
            guard JSONEquality.equal(expected, instance) else {
                fail(keyword, "must equal the constant value")
                return false
            }
        case (.enumeration(let allowed), _):
            guard allowed.contains(where: { JSONEquality.equal($0, instance) }) else {
                fail(keyword, "must be one of the \(allowed.count) allowed values")
                return false
            }
        case (.multipleOf(let divisor, let exactDivisor), .number(let number)):
            guard Self.isMultiple(number, of: divisor, exactDivisor) else {
                fail(keyword, "must be a multiple of \(divisor.text)")
                return false
            }
        case (.numberBound(let bound), .number(let number)):
            guard bound.admits(number) else {
                let relation =
                    switch bound.comparison {
                    case .minimum: "at least"
                    case .maximum: "at most"
                    case .exclusiveMinimum: "greater than"
                    case .exclusiveMaximum: "less than"
                    }
                fail(keyword, "must be \(relation) \(bound.limit.text)")
                return false
            }
        case (.maxLength(let limit), .string(let string)):
            guard string.utf8.count <= limit || string.unicodeScalars.count <= limit else {
                fail(keyword, "must be at most \(limit) characters long")
                return false
            }
        case (.minLength(let limit), .string(let string)):
            // A scalar takes at most 4 UTF-8 bytes, so long strings need no counting.
            guard string.utf8.count >= limit && (string.utf8.count >= 4 * limit || string.unicodeScalars.count >= limit) else {
                fail(keyword, "must be at least \(limit) characters long")
                return false
            }
        case (.pattern(let pattern), .string(let string)):
            guard pattern.matches(string) else {
                fail(keyword, "must match the pattern \(pattern.source)")
                return false
            }
        case (.maxItems(let limit), .array(let items)):
            guard items.count <= limit else {
                fail(keyword, "must have at most \(limit) items, has \(items.count)")
                return false
            }
        case (.minItems(let limit), .array(let items)):
            guard items.count >= limit else {
                fail(keyword, "must have at least \(limit) items, has \(items.count)")
                return false
            }
        case (.uniqueItems, .array(let items)):
            guard JSONEquality.allUnique(items) else {
                fail(keyword, "must not contain duplicate items")
                return false
            }
        case (.maxProperties(let limit), .object(let object)):
            guard object.count <= limit else {
                fail(keyword, "must have at most \(limit) properties, has \(object.count)")
                return false
            }
        case (.minProperties(let limit), .object(let object)):
            guard object.count >= limit else {
                fail(keyword, "must have at least \(limit) properties, has \(object.count)")
                return false
            }
        case (.required(let names), .object(let object)):
            // One pass over the members counts the required ones present (keys are unique).
            var present = 0
            let members = object.members
            for position in members.indices where names.node(for: members[position].key) != nil { present += 1 }
            if present == names.names.count { return true }
            var valid = true
            for name in names.names where !ExactString.has(object, name) {
                fail(keyword, "required property '\(name)' is missing")
                valid = false
                if !recording { return false }
            }
            return valid
        case (.dependentRequired(let entries), .object(let object)):
            var valid = true
            for entry in entries where ExactString.has(object, entry.property) {
                for name in entry.required where !ExactString.has(object, name) {
                    fail(keyword, "property '\(name)' is required when '\(entry.property)' is present")
                    valid = false
                    if !recording { return false }
                }
            }
            return valid
        case (.format(let name, let checker), .string(let string)):
            guard checker.check(string) else {
                fail(keyword, "must be a valid \(name)")
                return false
            }
        default:
            break
        }
        return true
    }

    /// `multipleOf`, exactly in decimal (0.0075, 1e-8), falling back to floating point only
    /// for divisors too long for 64-bit arithmetic.
    static func isMultiple(_ number: JSONNumber, of divisor: JSONNumber, _ exactDivisor: DecimalNumber) -> Bool {
        if let exact = DecimalNumber(number.text), let result = exact.isMultiple(of: exactDivisor) { return result }
        let quotient = number.doubleValue / divisor.doubleValue
        return quotient.isFinite && quotient == quotient.rounded()
    }
}
