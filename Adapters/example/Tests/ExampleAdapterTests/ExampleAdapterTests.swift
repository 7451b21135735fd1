import Envelope
import Foundation
import GerbangKit
import Testing
import ExampleAdapter

/// The `example` adapter maps the catalogue's example of each type it consumes.
@Suite struct ExampleAdapterTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func checkExample(_ type: String) throws {
        let url = Self.root.appendingPathComponent("Config/examples/\(type).json")
        let event = try CloudEvent(parsing: try String(contentsOf: url, encoding: .utf8))
        let record = try ExampleAdapter.record(from: event)
        #expect(record.type == type)
        #expect(record.eventID == event.id)
        #expect(!record.reference.isEmpty)
        if let subject = event.subject { #expect(record.reference == subject) }
    }

    @Test func descriptorMatchesConfiguration() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Config/adapters/example.yaml"), encoding: .utf8)
        #expect(text.contains("agency: \(ExampleAdapter.descriptor.agency)\n"))
        #expect(text.contains("adapter: \(ExampleAdapter.descriptor.name)\n"))
    }

    @Test func mapsDeathRegistered() throws { try checkExample("population.death.registered") }
    @Test func mapsAddressChanged() throws { try checkExample("population.address.changed") }
}
