/// Recursive-descent parser for the ``ECMARegex`` subset. Returns nil for anything outside it.
/// Group nesting is limited, so hostile patterns cannot exhaust the stack.
struct ECMARegexParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var depth = 0
    private static let maxDepth = 32

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var isAtEnd: Bool { position == scalars.count }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    mutating func parseAlternation() -> RegexNode? {
        var branches: [RegexNode] = []
        guard let first = parseSequence() else { return nil }
        branches.append(first)
        while peek() == "|" {
            position += 1
            guard let next = parseSequence() else { return nil }
            branches.append(next)
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() -> RegexNode? {
        var items: [RegexNode] = []
        while let scalar = peek(), scalar != "|", scalar != ")" {
            guard let atom = parseAtom() else { return nil }
            guard let quantified = parseQuantifier(atom) else { return nil }
            items.append(quantified)
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func parseAtom() -> RegexNode? {
        guard let scalar = peek() else { return nil }
        position += 1
        switch scalar {
        case "^": return .start
        case "$": return .end
        case ".": return .any
        case "(":
            if peek() == "?" {
                guard peek(1) == ":" else { return nil }  // lookaround, named groups: not supported
                position += 2
            }
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth, let inner = parseAlternation(), peek() == ")" else { return nil }
            position += 1
            return inner
        case "[": return parseClass()
        case "\\": return parseEscape()
        case "*", "+", "?", ")": return nil
        case "{":
            // Annex B: a brace that does not start a quantifier is a literal.
            let saved = position
            position -= 1
            if parseBraces() != nil { return nil }
            position = saved
            return .scalar(scalar.value)
        default: return .scalar(scalar.value)
        }
    }

    private mutating func parseQuantifier(_ atom: RegexNode) -> RegexNode? {
        let bounds: (Int, Int?)
        switch peek() {
        case "*": position += 1; bounds = (0, nil)
        case "+": position += 1; bounds = (1, nil)
        case "?": position += 1; bounds = (0, 1)
        case "{":
            guard let parsed = parseBraces() else { return atom }
            bounds = parsed
        default: return atom
        }
        switch atom {
        case .start, .end, .wordBoundary: return nil
        default: break
        }
        if peek() == "?" { position += 1 }  // lazy: same language
        guard bounds.1 == nil || bounds.0 <= bounds.1! else { return nil }
        return .repetition(atom, min: bounds.0, max: bounds.1)
    }

    /// `{n}`, `{n,}`, `{n,m}` at the current position; consumes it only on success.
    private mutating func parseBraces() -> (Int, Int?)? {
        let saved = position
        guard peek() == "{" else { return nil }
        position += 1
        guard let low = parseNumber() else { position = saved; return nil }
        var high: Int? = low
        if peek() == "," {
            position += 1
            high = parseNumber()
        }
        guard peek() == "}" else { position = saved; return nil }
        position += 1
        return (low, high)
    }

    private mutating func parseNumber() -> Int? {
        var value = 0
        var sawDigit = false
        while let scalar = peek(), ("0"..."9").contains(scalar) {
            value = min(value * 10 + Int(scalar.value - 48), 100_000)
            sawDigit = true
            position += 1
        }
        return sawDigit ? value : nil
    }

    private mutating func parseEscape() -> RegexNode? {
        guard let scalar = peek() else { return nil }
        position += 1
        switch scalar {
        case "d": return .set(ScalarSet.digits)
        case "D": return .set(Self.negation(of: .digits))
        case "w": return .set(ScalarSet.word)
        case "W": return .set(Self.negation(of: .word))
        case "s": return .set(ScalarSet.space)
        case "S": return .set(Self.negation(of: .space))
        case "b": return .wordBoundary(true)
        case "B": return .wordBoundary(false)
        default:
            guard let value = parseCharacterEscape(scalar) else { return nil }
            return .scalar(value)
        }
    }

    /// A character escape (after the backslash); nil for back-references and `\p`.
    private mutating func parseCharacterEscape(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "n": return 10
        case "r": return 13
        case "t": return 9
        case "v": return 11
        case "f": return 12
        case "0": return peek().map { ("0"..."9").contains($0) } == true ? nil : 0
        case "x": return parseHex(count: 2)
        case "u":
            if peek() == "{" {
                position += 1
                var value: UInt32 = 0
                var count = 0
                while let next = peek(), next != "}" {
                    guard let digit = Self.hexValue(next), count < 6 else { return nil }
                    value = value << 4 | digit
                    count += 1
                    position += 1
                }
                guard peek() == "}", count > 0, value <= 0x10FFFF else { return nil }
                position += 1
                return value
            }
            return parseHex(count: 4)
        case "c":
            guard let letter = peek(), ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) else { return nil }
            position += 1
            return letter.value % 32
        default:
            // Identity escapes of syntax characters and other punctuation; letters and digits
            // (back-references, \p, \k) are outside the subset.
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return nil }
            return scalar.value
        }
    }

    private mutating func parseHex(count: Int) -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let next = peek(), let digit = Self.hexValue(next) else { return nil }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f": scalar.value - 87
        case "A"..."F": scalar.value - 55
        default: nil
        }
    }

    private static func negation(of set: ScalarSet) -> ScalarSet {
        var negated = set
        negated.negated = true
        return negated
    }

    /// `[...]` after the opening bracket.
    private mutating func parseClass() -> RegexNode? {
        var set = ScalarSet()
        if peek() == "^" {
            set.negated = true
            position += 1
        }
        while let scalar = peek(), scalar != "]" {
            guard let low = parseClassAtom(&set) else { return nil }
            guard let lowValue = low else { continue }
            if peek() == "-", let after = peek(1), after != "]" {
                position += 1
                guard let high = parseClassAtom(&set), let highValue = high, lowValue <= highValue else { return nil }
                set.insert(lowValue...highValue)
            } else {
                set.insert(lowValue)
            }
        }
        guard peek() == "]" else { return nil }
        position += 1
        return .set(set)
    }

    /// One class atom: a scalar (returned), or a class escape merged into `set` (returns
    /// `.some(nil)`). nil when unsupported.
    private mutating func parseClassAtom(_ set: inout ScalarSet) -> UInt32?? {
        guard let scalar = peek() else { return nil }
        position += 1
        guard scalar == "\\" else { return .some(scalar.value) }
        guard let escaped = peek() else { return nil }
        position += 1
        switch escaped {
        case "d": set.formUnion(.digits); return .some(nil)
        case "w": set.formUnion(.word); return .some(nil)
        case "s": set.formUnion(.space); return .some(nil)
        case "D", "W", "S": return nil  // negated classes inside a class: left to ICU
        case "b": return .some(8)
        case "-": return .some(45)
        default:
            guard let value = parseCharacterEscape(escaped) else { return nil }
            return .some(value)
        }
    }
}
