/// An error while its location is still being built: evaluation appends path tokens as it
/// unwinds (innermost first), so that successful evaluation never builds paths at all.
struct PendingError {
    /// Instance path tokens, unescaped, innermost first.
    var instanceTokens: [String] = []
    /// Keyword path tokens, unescaped, innermost first.
    var keywordTokens: [String]
    let keyword: String
    let message: String

    /// The finished error.
    var validationError: ValidationError {
        ValidationError(
            instanceLocation: JSONPointer.pointer(instanceTokens.reversed()),
            keywordLocation: JSONPointer.pointer(keywordTokens.reversed()),
            keyword: keyword,
            message: message)
    }
}
