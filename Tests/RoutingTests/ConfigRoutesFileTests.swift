import Foundation
import Routing
import Testing

/// The repository's real `Config/routes.yaml`, checked against the real agencies and catalogue.
@Suite struct ConfigRoutesFileTests {
    private func load() throws -> RouteTable {
        let options = RoutesOptions(knownAgencies: try TestRepository.agencyIDs(), knownTypes: try TestRepository.eventTypes())
        return try RouteTableLoader(path: TestRepository.routesFile.path, options: options).load()
    }

    @Test func parsesAgainstAgenciesAndCatalogue() throws {
        let table = try load()
        #expect(table.subscriptions.map(\.id) == ["bank-bri.disbursement", "bpjs-kesehatan.kepesertaan", "kemensos.bansos"])
        #expect(table.permissions.map(\.agency) == ["bank-bri", "bpjs-kesehatan", "dukcapil", "kemensos"])
    }

    @Test func publishPermissionsFollowTheDemoFlow() throws {
        let table = try load()
        #expect(table.mayPublish(agency: "dukcapil", type: "population.death.registered"))
        #expect(table.mayPublish(agency: "dukcapil", type: "population.address.changed"))
        #expect(table.mayPublish(agency: "dukcapil", type: "population.birth.registered"))
        #expect(!table.mayPublish(agency: "dukcapil", type: "socialaid.disbursement.requested"))
        #expect(table.mayPublish(agency: "kemensos", type: "socialaid.eligibility.revoked"))
        #expect(table.mayPublish(agency: "kemensos", type: "socialaid.disbursement.requested"))
        #expect(!table.mayPublish(agency: "kemensos", type: "population.death.registered"))
        #expect(!table.mayPublish(agency: "kemensos", type: "socialaid.disbursement.settled"))
        #expect(table.mayPublish(agency: "bank-bri", type: "socialaid.disbursement.settled"))
        #expect(table.mayPublish(agency: "bank-bri", type: "socialaid.disbursement.failed"))
        #expect(!table.mayPublish(agency: "bank-bri", type: "socialaid.disbursement.requested"))
        #expect(!table.mayPublish(agency: "unknown", type: "population.death.registered"))
    }

    @Test func deathsReachKemensosAndBPJS() throws {
        let table = try load()
        let death = EventAttributes(type: "population.death.registered", sourceAgency: "dukcapil", subject: "3374-KM-19112026-0153")
        #expect(table.subscriptions(matching: death).map(\.id) == ["bpjs-kesehatan.kepesertaan", "kemensos.bansos"])
        let move = EventAttributes(type: "population.address.changed", sourceAgency: "dukcapil")
        #expect(table.subscriptions(matching: move).map(\.id) == ["kemensos.bansos"])
        let birth = EventAttributes(type: "population.birth.registered", sourceAgency: "dukcapil")
        #expect(table.subscriptions(matching: birth).isEmpty)
    }

    @Test func disbursementsGoToTheBankInPartitionOrderAndResultsBackToKemensos() throws {
        let table = try load()
        let request = EventAttributes(
            type: "socialaid.disbursement.requested", sourceAgency: "kemensos", subject: "PKH-2026Q4-00731542",
            extensions: ["partitionkey": "KPM-5371-00093318"])
        let bank = try #require(table.subscriptions(matching: request).first)
        #expect(table.subscriptions(matching: request).count == 1)
        #expect(bank.id == "bank-bri.disbursement")
        #expect(bank.agency == "bank-bri" && bank.adapter == "disbursement")
        #expect(bank.ordering == .partitionKey)
        #expect(bank.retry.maxAttempts == 20)
        #expect(bank.retry.backoffCap == .seconds(900))
        #expect(bank.retry.visibilityTimeout == .seconds(120))
        #expect(bank.retry.backoffBase == .seconds(1), "unset keys come from defaults.retry")

        for type in ["socialaid.disbursement.settled", "socialaid.disbursement.failed"] {
            let result = EventAttributes(type: type, sourceAgency: "bank-bri")
            #expect(table.subscriptions(matching: result).map(\.id) == ["kemensos.bansos"])
        }
        #expect(table.subscriptions(agency: "kemensos", adapter: "bansos").map(\.id) == ["kemensos.bansos"])
        #expect(table.subscription(id: "kemensos.bansos")?.ordering == .partitionKey)
    }
}
