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
}
