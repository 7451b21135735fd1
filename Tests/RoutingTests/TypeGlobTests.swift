import Routing
import Testing

@Suite struct TypeGlobTests {
    /// (glob, type, matches)
    static let table: [(String, String, Bool)] = [
        ("population.death.registered", "population.death.registered", true),
        ("population.death.registered", "population.death.registere", false),
        ("population.death.registered", "population.death.registered.v2", false),
        ("population.death.registered", "Population.death.registered", false),
        ("population.*", "population.deaths", true),
        ("population.*", "population.death.registered", false),
        ("population.*", "population", false),
        ("population.*.registered", "population.death.registered", true),
        ("population.*.registered", "population.birth.registered", true),
        ("population.*.registered", "population.address.changed", false),
        ("population.**", "population.death.registered", true),
        ("population.**", "population.address.changed", true),
        ("population.**", "population", true),
        ("population.**", "populations.death", false),
        ("population.**", "socialaid.eligibility.revoked", false),
        ("**", "health.insurance.membership.changed", true),
        ("**.failed", "socialaid.disbursement.failed", true),
        ("**.failed", "socialaid.disbursement.settled", false),
        ("**.failed", "failed", true),
        ("socialaid.**.failed", "socialaid.disbursement.failed", true),
        ("socialaid.**.failed", "socialaid.failed", true),
        ("socialaid.**.failed", "socialaid.a.b.c.failed", true),
        ("socialaid.**.failed", "socialaid.disbursement.failed.late", false),
        ("socialaid.disbursement.*", "socialaid.disbursement.requested", true),
        ("socialaid.disbursement.*", "socialaid.disbursement.settled", true),
        ("socialaid.disbursement.*", "socialaid.eligibility.revoked", false),
        ("socialaid.disbursement.s*", "socialaid.disbursement.settled", true),
        ("socialaid.disbursement.s*", "socialaid.disbursement.failed", false),
        ("socialaid.disbursement.*ed", "socialaid.disbursement.failed", true),
        ("socialaid.*ment.*", "socialaid.disbursement.failed", true),
        ("socialaid.*ment.*", "socialaid.eligibility.revoked", false),
        ("*.*.*", "population.death.registered", true),
        ("*.*.*", "health.insurance.membership.changed", false),
        ("*", "population", true),
        ("*", "population.death", false),
        ("a*a", "a", false),
        ("a*a", "aa", true),
        ("a*b*c", "axbyc", true),
        ("a*b*c", "acb", false),
        ("population.**.**", "population.death.registered", true),
    ]

    @Test(arguments: table)
    func matching(glob: String, type: String, expected: Bool) throws {
        #expect(try TypeGlob(glob).matches(type) == expected, "\(glob) vs \(type)")
    }

    @Test(arguments: [
        ("", "empty"),
        ("population..death", "segment 2 is empty"),
        (".population", "segment 1 is empty"),
        ("population.", "segment 2 is empty"),
        ("population.**x", "'**' must be a whole segment"),
        ("population.***", "'**' must be a whole segment"),
        ("population death", "character ' ' is not allowed"),
        ("population/death", "character '/' is not allowed"),
        ("population.death?", "character '?' is not allowed"),
    ])
    func invalidGlobs(glob: String, explanation: String) {
        #expect {
            _ = try TypeGlob(glob)
        } throws: { error in
            (error as? TypeGlobSyntaxError)?.message.contains(explanation) == true
        }
    }

    @Test func tooLongGlobIsRefused() {
        #expect(throws: TypeGlobSyntaxError.self) { _ = try TypeGlob(String(repeating: "a", count: TypeGlob.maxLength + 1)) }
        #expect(throws: Never.self) { _ = try TypeGlob(String(repeating: "a", count: TypeGlob.maxLength)) }
    }

    @Test func exactness() throws {
        #expect(try TypeGlob("population.death.registered").isExact)
        #expect(try !TypeGlob("population.*").isExact)
        #expect(try !TypeGlob("population.**").isExact)
    }
}
