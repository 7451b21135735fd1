import Admin
import Foundation
import Testing

@Suite struct TailFilterTests {
    let delivered = TailLine(time: Date(), status: .delivered, type: "population.death.registered", source: "dukcapil",
                             subscription: "bpjs-deaths", subscriber: "bpjs-kesehatan/kepesertaan", subject: "S-1",
                             sequence: 7, eventID: "e-1", attempt: 2, deliveryID: 9)

    @Test func globs() {
        #expect(GlobPattern("population.*").matches("population.death.registered"))
        #expect(GlobPattern("population.?eath.*").matches("population.death.registered"))
        #expect(!GlobPattern("socialaid.*").matches("population.death.registered"))
        #expect(GlobPattern("*").matches(""))
    }

    @Test func filtersCombine() {
        #expect(TailFilter(type: GlobPattern("population.*"), source: "dukcapil").matches(delivered))
        #expect(TailFilter(subscriber: "bpjs-kesehatan").matches(delivered))
        #expect(TailFilter(subscriber: "bpjs-deaths").matches(delivered))
        #expect(!TailFilter(subscriber: "kemensos").matches(delivered))
        #expect(!TailFilter(statuses: [.accepted, .rejected]).matches(delivered))
        #expect(!TailFilter(subject: "S-2").matches(delivered))
    }

    @Test func whereExpressions() throws {
        #expect(try WhereExpression(parsing: "type~population.* and attempt=2").matches(delivered))
        #expect(try WhereExpression(parsing: "reason!=x and status=delivered").matches(delivered))
        #expect(try !WhereExpression(parsing: "subscription!=bpjs-deaths").matches(delivered))
        #expect(throws: AdminError.self) { try WhereExpression(parsing: "colour=red") }
        #expect(throws: AdminError.self) { try WhereExpression(parsing: "type=a or type=b") }
        #expect(throws: AdminError.self) { try WhereExpression(parsing: "type=a and") }
    }

    @Test func durations() {
        #expect(AdminTime.parseDuration("10m") == 600)
        #expect(AdminTime.parseDuration("500ms") == 0.5)
        #expect(AdminTime.parseDuration("2h") == 7_200)
        #expect(AdminTime.parseDuration("abc") == nil)
        #expect(AdminTime.humanDuration(90) == "1m30s")
    }
}
