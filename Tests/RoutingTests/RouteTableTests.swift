import Routing
import Testing

@Suite struct RouteTableTests {
    static let yaml = """
        publish:
          dukcapil: [population.**]
          kemensos: [socialaid.eligibility.revoked, "socialaid.disbursement.*"]
          bank-bri: socialaid.disbursement.settled
        subscriptions:
          - id: pkh-only
            agency: bank-bri
            adapter: disbursement
            types: [socialaid.disbursement.requested]
            filter:
              subject-prefix: [PKH-, BLT-]
          - id: from-kemensos
            agency: bank-bri
            adapter: audit
            types: ["socialaid.**"]
            filter:
              source: [kemensos]
          - id: one-family
            agency: kemensos
            adapter: watch
            types: ["**"]
            filter:
              attributes:
                partitionkey: KPM-3374-00012345
                correlationid: case-7
          - id: everything
            agency: kemensos
            adapter: archive
            types: ["**"]
        """

    private func table() throws -> RouteTable { try RouteTable(yaml: Self.yaml) }

    @Test func mayPublishFollowsGlobsPerAgency() throws {
        let table = try table()
        #expect(table.mayPublish(agency: "kemensos", type: "socialaid.disbursement.requested"))
        #expect(table.mayPublish(agency: "kemensos", type: "socialaid.disbursement.failed"))
        #expect(!table.mayPublish(agency: "kemensos", type: "socialaid.disbursement.requested.extra"))
        #expect(table.mayPublish(agency: "bank-bri", type: "socialaid.disbursement.settled"), "a single scalar is a list of one")
        #expect(!table.mayPublish(agency: "bank-bri", type: "socialaid.disbursement.failed"))
        #expect(table.publishers(of: "socialaid.disbursement.settled") == ["bank-bri", "kemensos"])
    }

    @Test func subjectPrefixFilter() throws {
        let table = try table()
        let pkh = EventAttributes(type: "socialaid.disbursement.requested", sourceAgency: "kemensos", subject: "PKH-2026Q4-00731542")
        let bpnt = EventAttributes(type: "socialaid.disbursement.requested", sourceAgency: "kemensos", subject: "BPNT-202611-00215780")
        let none = EventAttributes(type: "socialaid.disbursement.requested", sourceAgency: "kemensos")
        #expect(table.subscriptions(matching: pkh).map(\.id) == ["everything", "from-kemensos", "pkh-only"])
        #expect(table.subscriptions(matching: bpnt).map(\.id) == ["everything", "from-kemensos"])
        #expect(table.subscriptions(matching: none).map(\.id) == ["everything", "from-kemensos"], "no subject never matches a prefix")
    }

    @Test func sourceFilter() throws {
        let table = try table()
        let fromBank = EventAttributes(type: "socialaid.disbursement.settled", sourceAgency: "bank-bri")
        #expect(table.subscriptions(matching: fromBank).map(\.id) == ["everything"])
        let fromKemensos = EventAttributes(type: "socialaid.eligibility.revoked", sourceAgency: "kemensos")
        #expect(table.subscriptions(matching: fromKemensos).map(\.id) == ["everything", "from-kemensos"])
    }

    @Test func attributeEqualsFilterNeedsEveryAttribute() throws {
        let table = try table()
        let both = EventAttributes(
            type: "population.death.registered", sourceAgency: "dukcapil",
            extensions: ["partitionkey": "KPM-3374-00012345", "correlationid": "case-7", "traceparent": "x"])
        #expect(table.subscriptions(matching: both).map(\.id) == ["everything", "one-family"])
        var one = both
        one.extensions["correlationid"] = nil
        #expect(table.subscriptions(matching: one).map(\.id) == ["everything"])
        var other = both
        other.extensions["partitionkey"] = "KPM-3374-00012346"
        #expect(table.subscriptions(matching: other).map(\.id) == ["everything"])
        #expect(table.subscriptions(coveringType: "population.death.registered").map(\.id) == ["everything", "one-family"])
    }

    @Test func adapterLookup() throws {
        let table = try table()
        #expect(table.subscriptions(agency: "bank-bri", adapter: "disbursement").map(\.id) == ["pkh-only"])
        #expect(table.subscriptions(agency: "kemensos", adapter: "bansos").isEmpty)
        #expect(table.subscription(id: "one-family")?.filter.attributesEqual["correlationid"] == "case-7")
        #expect(table.subscription(id: "missing") == nil)
    }

    @Test func typeMemoIsBounded() throws {
        let table = try RouteTable(yaml: Self.yaml, options: RoutesOptions(typeCacheCapacity: 3))
        for index in 0..<10 {
            #expect(!table.mayPublish(agency: "dukcapil", type: "random.type\(index)"))
        }
        #expect(table.cachedTypeCount == 3)
        #expect(table.mayPublish(agency: "dukcapil", type: "population.death.registered"), "answers stay right beyond the memo")
    }

    @Test func valuesInitialiserMergesPermissionsAndKeepsFirstOfDuplicateIDs() throws {
        let glob = try TypeGlob("population.**")
        let table = RouteTable(
            permissions: [PublishPermission(agency: "a", types: [glob]), PublishPermission(agency: "a", types: [try TypeGlob("x.y")])],
            subscriptions: [
                Subscription(id: "s", agency: "a", adapter: "one", types: [glob]),
                Subscription(id: "s", agency: "a", adapter: "two", types: [glob]),
            ])
        #expect(table.permissions.count == 1)
        #expect(table.mayPublish(agency: "a", type: "x.y"))
        #expect(table.subscriptions.map(\.adapter) == ["one"])
    }

    @Test func concurrentLookupsAgreeWithTheUnmemoisedAnswer() async throws {
        let table = try RouteTable(yaml: Self.yaml, options: RoutesOptions(typeCacheCapacity: 16))
        let types = (0..<40).map { $0 % 2 == 0 ? "socialaid.disbursement.t\($0)" : "population.x\($0).registered" }
        let disagreements = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<500 {
                        let type = types[(worker * 7 + round) % types.count]
                        let event = EventAttributes(type: type, sourceAgency: "kemensos")
                        let expectedPublish = type.hasPrefix("socialaid.disbursement.")
                        let expectedReceivers = type.hasPrefix("socialaid.") ? ["everything", "from-kemensos"] : ["everything"]
                        if table.mayPublish(agency: "kemensos", type: type) != expectedPublish { wrong += 1 }
                        if table.subscriptions(matching: event).map(\.id) != expectedReceivers { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(disagreements == 0)
        #expect(table.cachedTypeCount == 16)
    }
}
