/// The outcome of validating one instance.
///
/// `Sendable`: a value type made only of `Sendable` values.
public struct ValidationResult: Sendable {
    /// True when the instance conforms to the schema.
    public var isValid: Bool
    /// Why it does not conform (empty when valid). Errors from subschemas that are allowed to
    /// fail (an `anyOf` branch that another branch satisfies) are not reported.
    public var errors: [ValidationError]

    /// Creates a result.
    public init(isValid: Bool, errors: [ValidationError]) {
        self.isValid = isValid
        self.errors = errors
    }
}
