/// Bank account numbers of the simulated bank: 10-16 digits whose last digit is the Luhn check
/// digit of the others (so a mistyped number is caught before money moves).
public enum AccountNumber {
    /// True when `text` is 10-16 ASCII digits with a correct Luhn check digit.
    public static func isValid(_ text: String) -> Bool {
        let digits = text.utf8.map { Int($0) - 48 }
        guard (10...16).contains(digits.count), digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        return checkDigit(for: digits.dropLast()) == digits.last
    }

    /// The Luhn check digit for `digits` (most significant first).
    public static func checkDigit(for digits: some BidirectionalCollection<Int>) -> Int {
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            if position % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return (10 - sum % 10) % 10
    }

    /// `prefix` followed by its Luhn check digit (for test and sample data).
    public static func completing(_ prefix: String) -> String {
        prefix + String(checkDigit(for: prefix.utf8.map { Int($0) - 48 }))
    }
}
