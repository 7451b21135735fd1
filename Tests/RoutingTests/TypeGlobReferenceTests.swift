import Foundation
import Routing
import Testing

/// Checks ``TypeGlob`` against an independent reference on seeded random globs and types: the
/// reference expands each `**` into every possible number of `*` segments and matches segment by
/// segment with a regular expression (`*` → `[^.]*`).
@Suite struct TypeGlobReferenceTests {
    static let globSegments = ["a", "b", "ab", "*", "a*", "*b", "a*b", "*a*", "**"]
    static let typeSegments = ["a", "b", "ab", "ba", "aab", "abb", "bab"]

    /// Whether `type` matches `glob` by expansion and per-segment regular expressions.
    static func reference(_ glob: [String], _ type: [String]) -> Bool {
        guard let star = glob.firstIndex(of: "**") else {
            guard glob.count == type.count else { return false }
            return zip(glob, type).allSatisfy { pattern, segment in
                let regex = "^" + pattern.split(separator: "*", omittingEmptySubsequences: false)
                    .map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: "[^.]*") + "$"
                return segment.range(of: regex, options: .regularExpression) != nil
            }
        }
        for count in 0...type.count {
            var expanded = glob
            expanded.replaceSubrange(star...star, with: Array(repeating: "*", count: count))
            if reference(expanded, type) { return true }
        }
        return false
    }

    @Test func agreesWithTheReferenceOnRandomGlobs() throws {
        var generator = SplitMix64(seed: 2026_11_29)
        var disagreements: [String] = []
        var matches = 0
        for _ in 0..<4_000 {
            let glob = (0..<Int.random(in: 1...4, using: &generator)).map { _ in Self.globSegments.randomElement(using: &generator)! }
            let type = (0..<Int.random(in: 1...5, using: &generator)).map { _ in Self.typeSegments.randomElement(using: &generator)! }
            let compiled = try TypeGlob(glob.joined(separator: "."))
            let actual = compiled.matches(type.joined(separator: "."))
            let expected = Self.reference(glob, type)
            if actual { matches += 1 }
            if actual != expected { disagreements.append("\(compiled) vs \(type.joined(separator: ".")): \(actual)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(matches > 200, "the sample exercises matches too (\(matches))")
    }
}
