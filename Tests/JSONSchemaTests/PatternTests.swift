import Foundation
import Testing

@testable import JSONSchema

/// The built-in ECMA-262 matcher (DFA and Pike VM) agrees with ICU and with ECMA-262 semantics.
@Suite struct PatternTests {
    static let cases: [(pattern: String, input: String, matches: Bool)] = [
        ("^[0-9]{16}$", "3204154107520003", true),
        ("^[0-9]{16}$", "320415410752000", false),
        ("^[0-9]{16}$", "32041541075200031", false),
        ("^[0-9]{16}$", "320415410752000a", false),
        ("[0-9]{3}", "ab123cd", true),
        ("^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$", "32.04.15.2001", true),
        ("^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$", "32.04", true),
        ("^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$", "32.04.1", false),
        ("^a*$", "", true),
        ("^a*$", "aaab", false),
        ("a|b", "xxbxx", true),
        ("^(?:ab|cd)+$", "abcdab", true),
        ("^(?:ab|cd)+$", "abcda", false),
        ("^\\d+$", "123", true),
        ("^\\d+$", "١٢٣", false),  // ECMA-262 \d is ASCII only
        ("^\\w+$", "abc_123", true),
        ("^\\w+$", "é", false),
        ("\\bword\\b", "a word here", true),
        ("\\bword\\b", "swordfish", false),
        ("^[^a-z]+$", "ABC123", true),
        ("^[^a-z]+$", "ABc", false),
        ("^.$", "😀", true),  // one scalar
        ("^.$", "\n", false),
        ("^[a-z][a-z0-9-]{1,31}(\\.[a-z][a-z0-9-]{1,31})*$", "dukcapil.kab-bandung", true),
        ("^[a-z][a-z0-9-]{1,31}(\\.[a-z][a-z0-9-]{1,31})*$", "Dukcapil", false),
        ("x$", "abx", true),
        ("x$", "xab", false),
        ("^$", "", true),
        ("", "anything", true),
        ("a{2,}", "baab", true),
        ("a{2,}", "bab", false),
        ("a{,2}", "a{,2}", true),  // Annex B: not a quantifier
        ("^\\u0041\\x42$", "AB", true),
        ("^[\\s]+$", " \t", true),
        ("^p.*q$", "p\u{2028}q", false),
    ]

    @Test func builtinMatcherAgreesWithExpectations() throws {
        for testCase in Self.cases {
            let regex = try #require(ECMARegex(testCase.pattern), "\(testCase.pattern) should be in the subset")
            #expect(regex.matches(testCase.input) == testCase.matches, "\(testCase.pattern) on \(testCase.input)")
            #expect(regex.simulate(testCase.input) == testCase.matches, "Pike VM: \(testCase.pattern) on \(testCase.input)")
        }
    }

    @Test func mostPatternsGetAnAutomaton() throws {
        #expect(try #require(ECMARegex("^[0-9]{16}$")).dfa != nil)
        #expect(try #require(ECMARegex("\\bword\\b")).dfa == nil)
    }

    @Test func unsupportedFeaturesFallBackToICU() throws {
        for pattern in ["(?=a)a", "(a)\\1", "\\p{L}+", "(?<name>a)"] {
            #expect(ECMARegex(pattern) == nil, "\(pattern)")
            #expect(throws: Never.self) { _ = try PatternMatcher(pattern) }
        }
        let letters = try PatternMatcher("^\\p{L}+$")
        #expect(!letters.isNative)
        #expect(letters.matches("Ñandú"))
        #expect(!letters.matches("abc1"))
        let lookahead = try PatternMatcher("^(?=.*[0-9])[a-z0-9]+$")
        #expect(lookahead.matches("abc1"))
        #expect(!lookahead.matches("abcd"))
        // ECMA-262 `$` is the end of input, also on ICU (whose own `$` accepts a final "\n").
        #expect(!lookahead.matches("abc1\n"))
        #expect(!letters.matches("abc\n"))
    }

    @Test func hostilePatternsAreBoundedOrRejected() throws {
        // Exponential for backtracking engines; linear here.
        let evil = try PatternMatcher("^(a+)+$")
        #expect(evil.isNative)
        #expect(!evil.matches(String(repeating: "a", count: 5000) + "b"))
        // Deep nesting and huge counted repetition stay outside the built-in subset.
        #expect(ECMARegex(String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)) == nil)
        #expect(ECMARegex("a{100000}") == nil)
        #expect(throws: SchemaError.self) { _ = try PatternMatcher("(unclosed") }
    }

    /// The built-in matcher and ICU agree on every catalogue-style pattern over a set of inputs
    /// built from the patterns' own characters.
    @Test func builtinMatcherAgreesWithICU() throws {
        let patterns = [
            "^[0-9]{16}$", "^[0-9]{2}(\\.[0-9]{2}){0,3}$", "^(PKH|BPNT|BLT)-[0-9]{4}(Q[1-4]|0[1-9]|1[0-2])$",
            "^[a-z]+(\\.[a-z]+){2,4}$", "ab*c", "^(a|ab)(c|bcd)$", "x+y?z*$", "^[A-Za-z0-9._:-]{1,8}$",
            "(urn:[a-z]{0,3}(:[!-~]+)?|/x/[a-z]?)$", "^\\s*\\S+\\s*$", "[^0-9]", "^$", "a.c", "^(?:[0-9]{3}-)?[0-9]{4}$",
        ]
        let alphabet = ["", "a", "b", "c", "ab", "abc", "0", "12", "2024", "Q3", "-", ".", "x", "y", "z", "urn:", ":", "/x/", " ", "é", "PKH", "\n"]
        var inputs: [String] = []
        for first in alphabet {
            for second in alphabet { inputs.append(first + second) }
        }
        inputs += ["3204154107520003", "32.04.15.2001", "PKH-202401", "a.b.c", "a.b.c.d.e.f", "abbbbc", "000-1234", "1234"]
        for pattern in patterns {
            let native = try #require(ECMARegex(pattern), "\(pattern)")
            let icu = try NSRegularExpression(pattern: PatternMatcher.translate(pattern))
            for input in inputs {
                let expected = icu.firstMatch(in: input, range: NSRange(location: 0, length: input.utf16.count)) != nil
                #expect(native.matches(input) == expected, "\(pattern) on \(input.debugDescription)")
                #expect(native.simulate(input) == expected, "Pike VM: \(pattern) on \(input.debugDescription)")
            }
        }
    }
}
