import GerbangJSON

/// Validates one instance against a ``SchemaProgram``. Created per `validate` call; not
/// `Sendable` (it is mutable state of one call on one thread).
///
/// Evaluation recurses once per subschema applied, bounded by `maxDepth`. When `recording` is
/// off (inside `not`, `anyOf` branches, `if`, `contains`), no error is built and evaluation
/// stops at the first failure.
struct Evaluator {
    let program: SchemaProgram
    let maxDepth: Int
    let maxErrors: Int

    /// Whether failures are recorded as errors (otherwise only the boolean outcome matters).
    var recording = true
    var errors: [PendingError] = []
    /// Schema resources entered, outermost first (only when the program uses `$dynamicRef`).
    var dynamicScope: [Int32] = []
    var depth = 0
    var depthExceeded = false
    /// How many failed `anyOf`/`oneOf` are being explained (re-evaluated for their errors).
    var explainedNesting = 0
    /// The most nested failed `anyOf`/`oneOf` explained at once (bounds the failure path's
    /// re-evaluation to 2^3 times the work).
    static let maxExplainedNesting = 3

    init(program: SchemaProgram, maxDepth: Int, maxErrors: Int) {
        self.program = program
        self.maxDepth = maxDepth
        self.maxErrors = maxErrors
    }

    /// Evaluates node `id` against `instance`, adding what it evaluated to `annotations` when
    /// `collect` is set (the caller discards them when the result is false).
    mutating func evaluate(_ id: NodeID, _ instance: JSONValue, _ annotations: inout Annotations, collect: Bool) -> Bool {
        // Unretained: the program outlives this call and never changes, and a retain and release
        // of its shared nodes and keywords is an atomic update of a cache line that every core
        // validating at the same time also updates (1.5 % of the broker's CPU in w1).
        unowned(unsafe) let node = program.nodes[Int(id)]
        if let constant = node.constant {
            if !constant { record(PendingError(keywordTokens: [], keyword: "false", message: "no value is allowed here (false schema)")) }
            return constant
        }
        if depthExceeded { return false }
        depth += 1
        defer { depth -= 1 }
        guard depth <= maxDepth else {
            depthExceeded = true
            return false
        }
        let pushed = program.usesDynamicScope && dynamicScope.last != node.resource
        if pushed { dynamicScope.append(node.resource) }
        defer { if pushed { dynamicScope.removeLast() } }

        let collectHere = collect || node.needsAnnotations
        return node.keywords.withUnsafeBufferPointer { keywords in
            var valid = true
            for index in keywords.indices {
                let passed = Unmanaged.passUnretained(keywords[index])._withUnsafeGuaranteedRef { keyword in
                    evaluate(keyword, instance, &annotations, collect: collectHere)
                }
                if passed { continue }
                valid = false
                if !recording || depthExceeded { return false }
            }
            return valid
        }
    }

    /// Applies subschema `id` to `value` (a child of the current instance at `instanceStep`, or
    /// the current instance itself) through `keyword`/`keywordStep`, fixing up the locations of
    /// any errors it records.
    mutating func apply(
        _ id: NodeID, to value: JSONValue, at instanceStep: PathStep, keyword: String, _ keywordStep: PathStep,
        _ annotations: inout Annotations, collect: Bool
    ) -> Bool {
        let mark = errors.count
        let valid = evaluate(id, value, &annotations, collect: collect)
        if !valid && errors.count > mark {
            let instanceToken = instanceStep.token
            let keywordToken = keywordStep.token
            for index in mark..<errors.count {
                if let instanceToken { errors[index].instanceTokens.append(instanceToken) }
                if let keywordToken { errors[index].keywordTokens.append(keywordToken) }
                errors[index].keywordTokens.append(keyword)
            }
        }
        return valid
    }

    /// Applies an in-place subschema and merges its annotations when it succeeds.
    mutating func applyInPlace(
        _ id: NodeID, to instance: JSONValue, keyword: String, _ keywordStep: PathStep,
        _ annotations: inout Annotations, collect: Bool
    ) -> Bool {
        if !collect {
            var ignored = Annotations()
            return apply(id, to: instance, at: .none, keyword: keyword, keywordStep, &ignored, collect: false)
        }
        var local = Annotations()
        let valid = apply(id, to: instance, at: .none, keyword: keyword, keywordStep, &local, collect: true)
        if valid { annotations.merge(local) }
        return valid
    }

    /// Evaluates a subschema only for its outcome (no errors recorded).
    mutating func test(_ id: NodeID, _ instance: JSONValue, _ annotations: inout Annotations, collect: Bool) -> Bool {
        let saved = recording
        recording = false
        defer { recording = saved }
        return evaluate(id, instance, &annotations, collect: collect)
    }

    /// Whether node `id` is the `false` schema (so that `additionalProperties: false` and
    /// `unevaluated*: false` report the keyword that forbids a value, without recursing).
    func rejectsEverything(_ id: NodeID) -> Bool {
        program.nodes[Int(id)].constant == false
    }

    /// Records an error of `keyword` at a child of the current instance, if recording.
    mutating func reject(_ keyword: Keyword, at step: PathStep, _ message: @autoclosure () -> String) {
        guard recording, errors.count < maxErrors else { return }
        var error = PendingError(keywordTokens: [keyword.name], keyword: keyword.name, message: message())
        if let token = step.token { error.instanceTokens.append(token) }
        errors.append(error)
    }

    /// Records an error of `keyword` at the current instance, if recording.
    mutating func fail(_ keyword: Keyword, _ message: @autoclosure () -> String) {
        record(PendingError(keywordTokens: [keyword.name], keyword: keyword.name, message: message()))
    }

    private mutating func record(_ error: PendingError) {
        guard recording, errors.count < maxErrors else { return }
        errors.append(error)
    }
}
