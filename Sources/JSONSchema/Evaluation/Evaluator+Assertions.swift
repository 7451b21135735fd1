import GerbangJSON

extension Evaluator {
    /// The validation-vocabulary assertions and `format`; they apply to one instance type each
    /// (except `type`, `const`, `enum`) and pass for other types.
    mutating func assert(_ keyword: Keyword, _ instance: JSONValue) -> Bool {
        switch keyword.kind {
        case .type(let types):
            guard types.contains(typeOf: instance) else {
                fail(keyword, "must be of type \(types.names.joined(separator: " or ")), is \(JSONTypeSet.name(of: instance))")
                return false
            }
        case .const(let expected):
            guard JSONEquality.equal(expected, instance) else {
                fail(keyword, Self.describe(expected).map { "must be \($0)" } ?? "must equal the constant value")
                return false
            }
        case .enumeration(let allowed):
            guard allowed.contains(where: { JSONEquality.equal($0, instance) }) else {
                let listed = allowed.count <= 10 ? allowed.compactMap(Self.describe) : []
                fail(keyword, listed.count == allowed.count
                    ? "must be one of \(listed.joined(separator: ", "))"
                    : "must be one of the \(allowed.count) allowed values")
                return false
            }
        case .multipleOf(let divisor, let exactDivisor):
            guard case .number(let number) = instance else { return true }
            guard Self.isMultiple(number, of: divisor, exactDivisor) else {
                fail(keyword, "must be a multiple of \(divisor.text)")
                return false
            }
        case .numberBound(let bound):
            guard case .number(let number) = instance else { return true }
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
        case .maxLength(let limit):
            guard case .string(let string) = instance else { return true }
            guard string.utf8.count <= limit || string.unicodeScalars.count <= limit else {
                fail(keyword, "must be at most \(limit) characters long")
                return false
            }
        case .minLength(let limit):
            guard case .string(let string) = instance else { return true }
            // A scalar takes at most 4 UTF-8 bytes, so long strings need no counting.
            guard string.utf8.count >= limit && (string.utf8.count >= 4 * limit || string.unicodeScalars.count >= limit) else {
                fail(keyword, "must be at least \(limit) characters long")
                return false
            }
        case .pattern(let pattern):
            guard case .string(let string) = instance else { return true }
            guard pattern.matches(string) else {
                fail(keyword, "must match the pattern \(pattern.source)")
                return false
            }
        case .maxItems(let limit):
            guard case .array(let items) = instance else { return true }
            guard items.count <= limit else {
                fail(keyword, "must have at most \(limit) items, has \(items.count)")
                return false
            }
        case .minItems(let limit):
            guard case .array(let items) = instance else { return true }
            guard items.count >= limit else {
                fail(keyword, "must have at least \(limit) items, has \(items.count)")
                return false
            }
        case .uniqueItems:
            guard case .array(let items) = instance else { return true }
            guard JSONEquality.allUnique(items) else {
                fail(keyword, "must not contain duplicate items")
                return false
            }
        case .maxProperties(let limit):
            guard case .object(let object) = instance else { return true }
            guard object.count <= limit else {
                fail(keyword, "must have at most \(limit) properties, has \(object.count)")
                return false
            }
        case .minProperties(let limit):
            guard case .object(let object) = instance else { return true }
            guard object.count >= limit else {
                fail(keyword, "must have at least \(limit) properties, has \(object.count)")
                return false
            }
        case .required(let names):
            guard case .object(let object) = instance else { return true }
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
        case .dependentRequired(let entries):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for entry in entries where ExactString.has(object, entry.property) {
                for name in entry.required where !ExactString.has(object, name) {
                    fail(keyword, "property '\(name)' is required when '\(entry.property)' is present")
                    valid = false
                    if !recording { return false }
                }
            }
            return valid
        case .format(let name, let checker):
            guard case .string(let string) = instance else { return true }
            guard checker.check(string) else {
                fail(keyword, "must be a valid \(name)")
                return false
            }
        default:
            break
        }
        return true
    }

    /// A schema value (never instance data) as short JSON text for a message, or nil when it is
    /// a container or long.
    static func describe(_ value: JSONValue) -> String? {
        switch value {
        case .array, .object: return nil
        default:
            let text = value.serializedString()
            return text.utf8.count <= 80 ? text : nil
        }
    }

    /// `multipleOf`, exactly in decimal (0.0075, 1e-8), falling back to floating point only
    /// for divisors too long for 64-bit arithmetic.
    static func isMultiple(_ number: JSONNumber, of divisor: JSONNumber, _ exactDivisor: DecimalNumber) -> Bool {
        if let exact = DecimalNumber(number.text), let result = exact.isMultiple(of: exactDivisor) { return result }
        let quotient = number.doubleValue / divisor.doubleValue
        return quotient.isFinite && quotient == quotient.rounded()
    }
}
