/// A small, linear-time matcher for the common subset of ECMA-262 regular expressions used in
/// schemas: literals, `.`, classes (`[...]`, `\d\w\s` and negations), groups, alternation,
/// greedy and lazy quantifiers (`* + ? {n} {n,} {n,m}`), `^`, `$`, `\b`, `\B`.
///
/// Patterns outside the subset (lookaround, back-references, `\p{...}`, named groups) make
/// `init` return nil, and the caller uses ICU instead. Matching simulates the compiled NFA
/// (Pike VM) over Unicode scalars, so it takes O(pattern × input) time with no backtracking;
/// most patterns are further compiled into a ``RegexDFA`` (one table lookup per scalar).
///
/// `Sendable`: immutable after init.
struct ECMARegex: Sendable {
    enum Instruction: Sendable {
        case scalar(UInt32)
        /// A class: ASCII members as two bitmaps, other members in `sets[index]`.
        case set(low: UInt64, high: UInt64, negated: Bool, index: Int)
        case any
        case split(Int, Int)
        case jump(Int)
        case assertStart
        case assertEnd
        case wordBoundary(Bool)
        case match
    }

    let program: [Instruction]
    let sets: [ScalarSet]
    /// Whether every match must start at the beginning of the input (`^` first).
    let anchoredAtStart: Bool
    /// The precomputed automaton, when the program has one (see ``RegexDFA``).
    private(set) var dfa: RegexDFA? = nil

    /// The largest compiled program accepted (counted repetition expands).
    static let maxInstructions = 4096

    /// Compiles `pattern`, or returns nil when it uses features outside the subset.
    init?(_ pattern: String) {
        var parser = ECMARegexParser(Array(pattern.unicodeScalars))
        guard let tree = parser.parseAlternation(), parser.isAtEnd else { return nil }
        var compiler = ECMARegexCompiler()
        guard compiler.emit(tree), compiler.program.count < Self.maxInstructions else { return nil }
        compiler.program.append(.match)
        program = compiler.program
        sets = compiler.sets
        if case .assertStart = program.first { anchoredAtStart = true } else { anchoredAtStart = false }
        dfa = RegexDFA(self)
    }

    /// Whether the pattern matches anywhere in `string` (ECMA-262 `RegExp.prototype.test`).
    func matches(_ string: String) -> Bool {
        if let dfa { return dfa.matches(string) }
        return simulate(string)
    }
}
