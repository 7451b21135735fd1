import GerbangJSON

/// A numeric bound: `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`.
///
/// `Sendable`: immutable.
final class NumberBound: Sendable {
    enum Comparison: Sendable { case minimum, maximum, exclusiveMinimum, exclusiveMaximum }
    let comparison: Comparison
    let limit: JSONNumber
    let limitValue: Double
    let limitDecimal: DecimalNumber

    init(comparison: Comparison, limit: JSONNumber, limitValue: Double, limitDecimal: DecimalNumber) {
        self.comparison = comparison
        self.limit = limit
        self.limitValue = limitValue
        self.limitDecimal = limitDecimal
    }

    /// Whether `number` satisfies the bound (exact for ties beyond double precision).
    func admits(_ number: JSONNumber) -> Bool {
        let value = number.doubleValue
        var order: Int
        if value < limitValue { order = -1 } else if value > limitValue { order = 1 } else { order = 0 }
        if order == 0 || !value.isFinite || !limitValue.isFinite {
            guard let exact = DecimalNumber(number.text) else { return false }
            order = DecimalNumber.compare(exact, limitDecimal)
        }
        switch comparison {
        case .minimum: return order >= 0
        case .maximum: return order <= 0
        case .exclusiveMinimum: return order > 0
        case .exclusiveMaximum: return order < 0
        }
    }
}
