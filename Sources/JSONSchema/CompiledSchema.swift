import GerbangJSON

/// A schema compiled by ``SchemaCompiler``: an immutable tree of nodes with every `$ref`
/// resolved, ready to validate any number of instances.
///
/// `Sendable`: immutable after compilation (a `final class` with only `let` properties of
/// `Sendable` types), so one compiled schema may validate on many threads at once.
public final class CompiledSchema: Sendable {
    let program: SchemaProgram
    let options: SchemaOptions

    init(program: SchemaProgram, options: SchemaOptions) {
        self.program = program
        self.options = options
    }

    /// Validates `instance`, reporting every error (up to ``SchemaOptions/maxErrors``) with its
    /// instance location, keyword location and message.
    public func validate(_ instance: JSONValue) -> ValidationResult {
        var evaluator = Evaluator(program: program, maxDepth: options.maxValidationDepth, maxErrors: options.maxErrors)
        var annotations = Annotations()
        let valid = evaluator.evaluate(program.root, instance, &annotations, collect: false)
        var errors = evaluator.errors.map(\.validationError)
        if evaluator.depthExceeded {
            errors.append(Self.depthError(options.maxValidationDepth))
        } else if !valid && errors.isEmpty {
            errors.append(ValidationError(instanceLocation: "", keywordLocation: "", keyword: "", message: "the instance does not match the schema"))
        }
        return ValidationResult(isValid: valid && !evaluator.depthExceeded, errors: errors)
    }

    /// Whether `instance` is valid, without building any error (the fastest check).
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = Evaluator(program: program, maxDepth: options.maxValidationDepth, maxErrors: 0)
        evaluator.recording = false
        var annotations = Annotations()
        return evaluator.evaluate(program.root, instance, &annotations, collect: false) && !evaluator.depthExceeded
    }

    private static func depthError(_ limit: Int) -> ValidationError {
        ValidationError(
            instanceLocation: "", keywordLocation: "", keyword: "maxValidationDepth",
            message: "evaluation nests deeper than \(limit) subschemas (maxValidationDepth); the instance or the schema's recursion is too deep")
    }
}
