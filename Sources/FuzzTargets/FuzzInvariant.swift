/// Traps when a parser breaks a promise it documents, so that libFuzzer records the input as a
/// crash. Not a precondition: it is checked in every build configuration.
///
/// - Parameters:
///   - condition: the promise; `false` means a bug in the library under test.
///   - message: what was promised (never the input itself, which may hold personal data).
func fuzzInvariant(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        fatalError("fuzz invariant broken: \(message())")
    }
}
