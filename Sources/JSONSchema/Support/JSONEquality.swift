import GerbangJSON

/// JSON equality as JSON Schema defines it (`const`, `enum`, `uniqueItems`): numbers compare by
/// mathematical value (`1` equals `1.0`), objects ignore member order, strings compare by code
/// points (not by Swift's canonical equivalence: `"é"` and `"e\u{301}"` differ).
enum JSONEquality {
    /// Whether two values are equal as JSON data.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return ExactString.equal(x, y)
        case (.number(let x), .number(let y)): return numbersEqual(x, y)
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            for (u, v) in zip(x, y) where !equal(u, v) { return false }
            return true
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for member in x {
                guard let other = y[member.key], equal(member.value, other) else { return false }
            }
            return true
        default:
            return false
        }
    }

    /// Numeric equality, exact even beyond double precision.
    static func numbersEqual(_ x: JSONNumber, _ y: JSONNumber) -> Bool {
        if x.text == y.text { return true }
        let dx = x.doubleValue, dy = y.doubleValue
        if dx != dy && dx.isFinite && dy.isFinite { return false }
        guard let ex = DecimalNumber(x.text), let ey = DecimalNumber(y.text) else { return false }
        return DecimalNumber.compare(ex, ey) == 0
    }

    /// A hash consistent with ``equal(_:_:)``.
    static func hash(_ value: JSONValue, into hasher: inout Hasher) {
        switch value {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b ? 1 : 2)
        case .string(let s):
            hasher.combine(3)
            hasher.combine(s)
        case .number(let n):
            hasher.combine(4)
            let d = n.doubleValue
            if d.isFinite { hasher.combine(d == 0 ? 0 : d) } else { hasher.combine(DecimalNumber(n.text)) }
        case .array(let items):
            hasher.combine(5)
            hasher.combine(items.count)
            for item in items { hash(item, into: &hasher) }
        case .object(let object):
            hasher.combine(6)
            var sum = 0
            for member in object {
                var memberHasher = Hasher()
                memberHasher.combine(member.key)
                hash(member.value, into: &memberHasher)
                sum &+= memberHasher.finalize()
            }
            hasher.combine(sum)
        }
    }

    /// Whether all items are pairwise distinct under ``equal(_:_:)``.
    static func allUnique(_ items: [JSONValue]) -> Bool {
        if items.count < 2 { return true }
        if items.count <= 16 {
            for i in items.indices {
                for j in items.index(after: i)..<items.endIndex where equal(items[i], items[j]) { return false }
            }
            return true
        }
        var buckets: [Int: [Int]] = [:]
        for (index, item) in items.enumerated() {
            var hasher = Hasher()
            hash(item, into: &hasher)
            let key = hasher.finalize()
            if let others = buckets[key] {
                for other in others where equal(items[other], item) { return false }
            }
            buckets[key, default: []].append(index)
        }
        return true
    }
}
