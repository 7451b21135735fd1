import Foundation

/// A compiled `pattern` / `patternProperties` regular expression with ECMA-262 search
/// semantics (it matches when it matches anywhere in the string, unless anchored).
///
/// Patterns in the common subset run on ``ECMARegex`` (linear time, no allocation); others
/// (lookaround, back-references, `\p{...}`) on `NSRegularExpression` (ICU), after translating
/// what ICU reads differently (see ``translate(_:)``).
///
/// `Sendable`: immutable after init; `NSRegularExpression` is documented as thread-safe
/// ("NSRegularExpression is designed to be immutable and thread safe").
final class PatternMatcher: Sendable {
    private enum Backend: Sendable {
        case native(ECMARegex)
        case icu(NSRegularExpression)
    }

    /// The pattern as written in the schema.
    let source: String
    private let backend: Backend

    /// Compiles `source`; throws `schema.invalid-pattern` when it is not a valid expression.
    init(_ source: String) throws(SchemaError) {
        self.source = source
        if let native = ECMARegex(source) {
            backend = .native(native)
            return
        }
        do {
            backend = .icu(try NSRegularExpression(pattern: Self.translate(source), options: []))
        } catch {
            throw SchemaError(.invalidPattern, "'\(source)' is not a valid regular expression")
        }
    }

    /// Whether the expression matches somewhere in `string`.
    func matches(_ string: String) -> Bool {
        switch backend {
        case .native(let regex):
            return regex.matches(string)
        case .icu(let expression):
            let range = NSRange(location: 0, length: string.utf16.count)
            return expression.firstMatch(in: string, options: [], range: range) != nil
        }
    }

    /// Whether the pattern runs on the built-in matcher (for tests).
    var isNative: Bool {
        if case .native = backend { true } else { false }
    }

    /// Rewrites what ICU reads differently from ECMA-262: the shorthand classes (ASCII-only in
    /// ECMA-262) and `$` (end of input only).
    static func translate(_ pattern: String) -> String {
        guard pattern.contains("\\") || pattern.contains("$") else { return pattern }
        var result = ""
        var inClass = false
        var iterator = pattern.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "\\":
                guard let escaped = iterator.next() else {
                    result.append(character)
                    continue
                }
                switch (escaped, inClass) {
                case ("d", false): result += "[0-9]"
                case ("d", true): result += "0-9"
                case ("D", false): result += "[^0-9]"
                case ("w", false): result += "[A-Za-z0-9_]"
                case ("w", true): result += "A-Za-z0-9_"
                case ("W", false): result += "[^A-Za-z0-9_]"
                default:
                    result.append(character)
                    result.append(escaped)
                }
            case "$" where !inClass:
                // ECMA-262 `$` (without the m flag) is the end of input only; ICU's also
                // matches before a final line terminator ("123\n" would pass `^[0-9]+$`).
                result += "\\z"
            case "[" where !inClass:
                inClass = true
                result.append(character)
            case "]" where inClass:
                inClass = false
                result.append(character)
            default:
                result.append(character)
            }
        }
        return result
    }
}
