import Routing
import Testing

/// Every way a routes file is refused, each with its reason code, line and column.
@Suite struct RoutesParserErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var reason: RoutesErrorReason
        var line: Int?
        var column: Int?
        var message: String
        var checksCatalogue = false
        var maxSubscriptions = RoutesOptions.defaultMaxSubscriptions
        var testDescription: String { name }
    }

    static let agencies: Set<String> = ["dukcapil", "kemensos", "bank-bri", "bpjs-kesehatan"]
    static let types: Set<String> = [
        "population.death.registered", "population.address.changed", "population.birth.registered",
        "socialaid.disbursement.requested", "socialaid.disbursement.settled", "socialaid.disbursement.failed",
    ]

    /// A valid file; cases append to it or replace part of it.
    static let head = """
        publish:
          dukcapil: [population.**]
        subscriptions:
          - id: deaths
            agency: kemensos
            adapter: bansos
            types: [population.death.registered]

        """

    static let cases: [Case] = [
        Case(name: "unknown subscription key", yaml: head + """
                retyr:
                  max-attempts: 3
            """, reason: .unknownKey, line: 8, column: 5,
            message: "subscription 'deaths': unknown key 'retyr' (did you mean 'retry'?)"),
        Case(name: "unknown top-level key", yaml: "publsh:\n  dukcapil: [population.**]\nsubscriptions: []\n",
             reason: .unknownKey, line: 1, column: 1, message: "unknown key 'publsh' (did you mean 'publish'?)"),
        Case(name: "unknown retry key", yaml: head + """
                retry:
                  max-attempt: 3
            """, reason: .unknownKey, line: 9, column: 7, message: "did you mean 'max-attempts'?"),
        Case(name: "integer of the wrong type", yaml: head + """
                retry:
                  max-attempts: three
            """, reason: .wrongType, line: 9, column: 21, message: "expected an integer, found 'three'"),
        Case(name: "quoted integer", yaml: head + """
                retry:
                  max-attempts: "3"
            """, reason: .wrongType, line: 9, column: 21, message: "expected an integer"),
        Case(name: "integer out of range", yaml: head + """
                retry:
                  max-attempts: 0
            """, reason: .invalidValue, line: 9, column: 21, message: "0 is out of range 1...1000"),
        Case(name: "factor below one", yaml: head + """
                retry:
                  backoff-factor: 0.5
            """, reason: .invalidValue, line: 9, column: 23, message: "out of range"),
        Case(name: "negative duration", yaml: head + """
                retry:
                  backoff-base: -1s
            """, reason: .invalidDuration, line: 9, column: 21, message: "duration '-1s' is negative"),
        Case(name: "duration without unit", yaml: head + """
                retry:
                  visibility-timeout: 30
            """, reason: .invalidDuration, line: 9, column: 27, message: "needs a unit"),
        Case(name: "duration with unknown unit", yaml: head + """
                retry:
                  backoff-cap: 5d
            """, reason: .invalidDuration, line: 9, column: 20, message: "unknown unit 'd'"),
        Case(name: "zero visibility timeout", yaml: head + """
                retry:
                  visibility-timeout: 0s
            """, reason: .invalidValue, line: 9, column: 27, message: "out of range 1ms...12h"),
        Case(name: "base above cap", yaml: head + """
                retry:
                  backoff-base: 10s
                  backoff-cap: 5s
            """, reason: .invalidValue, line: 10, column: 20, message: "backoff-base (10s) is larger than backoff-cap (5s)"),
        Case(name: "defaults checked too", yaml: "defaults:\n  retry:\n    backoff-cap: soon\n" + head,
             reason: .invalidDuration, line: 3, column: 18, message: "defaults.retry: 'soon' is not a duration"),
        Case(name: "duplicate subscription id", yaml: head + """
              - id: deaths
                agency: bpjs-kesehatan
                adapter: kepesertaan
                types: [population.death.registered]
            """, reason: .duplicateSubscription, line: 8, column: 9,
            message: "subscription 'deaths': duplicate subscription id (first declared on line 4)"),
        Case(name: "malformed glob", yaml: head.replacingOccurrences(of: "[population.death.registered]", with: "[population..death]"),
             reason: .invalidGlob, line: 7, column: 13, message: "'population..death': segment 2 is empty"),
        Case(name: "glob matching no catalogue type", yaml: head.replacingOccurrences(of: "[population.death.registered]", with: "[population.*]"),
             reason: .unmatchedGlob, line: 7, column: 13,
             message: "'population.*' matches none of the catalogue's types (`*` stays within one segment; did you mean 'population.**'?)",
             checksCatalogue: true),
        Case(name: "unknown agency in a subscription", yaml: head.replacingOccurrences(of: "agency: kemensos", with: "agency: kemenkes"),
             reason: .unknownAgency, line: 5, column: 13, message: "subscription 'deaths': unknown agency 'kemenkes'"),
        Case(name: "unknown publishing agency", yaml: head.replacingOccurrences(of: "  dukcapil:", with: "  dukcapi:"),
             reason: .unknownAgency, line: 2, column: 3, message: "publish 'dukcapi': unknown agency 'dukcapi'"),
        Case(name: "unknown agency in a source filter", yaml: head + """
                filter:
                  source: [dukcapil, bank-bni]
            """, reason: .unknownAgency, line: 9, column: 26, message: "unknown agency 'bank-bni'"),
        Case(name: "agency id syntax", yaml: head.replacingOccurrences(of: "agency: kemensos", with: "agency: Kemensos"),
             reason: .invalidValue, line: 5, column: 13, message: "'Kemensos' is not an agency id"),
        Case(name: "missing adapter", yaml: head.replacingOccurrences(of: "    adapter: bansos\n", with: ""),
             reason: .missingKey, line: 4, column: 5, message: "subscription 'deaths': missing key 'adapter'"),
        Case(name: "missing id", yaml: head.replacingOccurrences(of: "  - id: deaths\n    agency", with: "  - agency"),
             reason: .missingKey, line: 4, column: 5, message: "subscription 1: missing key 'id'"),
        Case(name: "missing subscriptions", yaml: "publish:\n  dukcapil: [population.**]\n",
             reason: .missingKey, line: 1, column: 1, message: "missing key 'subscriptions'"),
        Case(name: "id that is not a GMP identifier", yaml: head.replacingOccurrences(of: "id: deaths", with: "id: kemensos/bansos"),
             reason: .invalidValue, line: 4, column: 9, message: "id 'kemensos/bansos' is not a GMP identifier"),
        Case(name: "types as a mapping", yaml: head.replacingOccurrences(of: "types: [population.death.registered]", with: "types: {a: b}"),
             reason: .wrongType, line: 7, column: 12, message: "expected a list of type globs, found a mapping"),
        Case(name: "empty types", yaml: head.replacingOccurrences(of: "types: [population.death.registered]", with: "types: []"),
             reason: .invalidValue, line: 7, column: 12, message: "the list of type globs is empty"),
        Case(name: "unknown ordering", yaml: head + "    order-by: time\n",
             reason: .invalidValue, line: 8, column: 15, message: "order-by 'time' is not `none` or `partitionkey`"),
        Case(name: "reserved filter attribute", yaml: head + """
                filter:
                  attributes:
                    subject: PKH-1
            """, reason: .invalidValue, line: 10, column: 9, message: "attribute 'subject' cannot be filtered here"),
        Case(name: "subscription that is not a mapping", yaml: "publish: {}\nsubscriptions:\n  - deaths\n",
             reason: .wrongType, line: 3, column: 5, message: "subscription 1: expected a mapping, found 'deaths'"),
        Case(name: "unsupported version", yaml: "version: 2\n" + head,
             reason: .invalidValue, line: 1, column: 10, message: "version 2 is not supported (only 1)"),
        Case(name: "YAML syntax error", yaml: head + "    filter: [unclosed\n",
             reason: .syntax, line: 9, column: 1, message: "not valid YAML"),
        Case(name: "key twice in one mapping", yaml: head + "    agency: bpjs-kesehatan\n",
             reason: .syntax, line: 5, column: 5, message: "key 'agency' appears more than once in this mapping"),
        Case(name: "glob starting with an unquoted star", yaml: head.replacingOccurrences(of: "[population.death.registered]", with: "[*.failed]"),
             reason: .syntax, line: 7, column: 14, message: "a value starting with '*' must be quoted"),
        Case(name: "empty file", yaml: "# nothing yet\n", reason: .missingKey, line: 1, column: 1, message: "the routes file is empty"),
        Case(name: "too many subscriptions", yaml: head + """
              - id: deaths-2
                agency: bpjs-kesehatan
                adapter: kepesertaan
                types: [population.death.registered]
            """, reason: .limitExceeded, line: 4, column: 3, message: "2 subscriptions, more than the limit of 1", maxSubscriptions: 1),
    ]

    @Test(arguments: cases)
    func refused(_ testCase: Case) {
        let options = RoutesOptions(
            knownAgencies: Self.agencies, knownTypes: testCase.checksCatalogue ? Self.types : nil,
            maxSubscriptions: testCase.maxSubscriptions)
        do {
            let table = try RouteTable(yaml: testCase.yaml, file: "routes.yaml", options: options)
            Issue.record("accepted: \(table.subscriptions.map(\.id))")
        } catch {
            #expect(error.reason == testCase.reason, "\(error)")
            #expect(error.line == testCase.line, "\(error)")
            #expect(error.column == testCase.column, "\(error)")
            #expect(error.message.contains(testCase.message), "\(error)")
            #expect(error.file == "routes.yaml")
        }
    }

    @Test func theHeadIsValid() throws {
        let table = try RouteTable(yaml: Self.head, options: RoutesOptions(knownAgencies: Self.agencies, knownTypes: Self.types))
        #expect(table.subscriptions.map(\.id) == ["deaths"])
    }

    @Test func descriptionReadsLikeACompilerDiagnostic() {
        let error = RoutesError(.unknownKey, "subscription 'x': unknown key 'retyr'", file: "routes.yaml", line: 14, column: 5)
        #expect(error.description == "routes.yaml:14:5: subscription 'x': unknown key 'retyr' [routes.unknown-key]")
    }

    @Test func oversizedTextIsRefused() {
        #expect {
            _ = try RouteTable(yaml: Self.head + String(repeating: "#", count: 200), options: RoutesOptions(maxFileBytes: 100))
        } throws: { error in
            (error as? RoutesError)?.reason == .tooLarge
        }
    }
}
