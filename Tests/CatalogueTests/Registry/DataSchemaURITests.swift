import Catalogue
import Testing

@Suite("dataschema URIs and versions")
struct DataSchemaURITests {
    @Test("round trip")
    func roundTrip() throws {
        let version = try #require(SchemaVersion("1.2.3"))
        let uri = DataSchemaURI.make(type: "population.death.registered", version: version)
        #expect(uri == "https://schemas.gerbang.go.id/population.death.registered/1.2.3")
        let parsed = try #require(DataSchemaURI.parse(uri))
        #expect(parsed.type == "population.death.registered")
        #expect(parsed.version == version)
    }

    @Test("rejects other forms", arguments: [
        "http://schemas.gerbang.go.id/population.death.registered/1.0.0",
        "https://schemas.gerbang.go.id/population.death.registered/1.0",
        "https://schemas.gerbang.go.id/population.death.registered/latest",
        "https://schemas.gerbang.go.id/population.death.registered/01.0.0",
        "https://schemas.gerbang.go.id/Population.Death.Registered/1.0.0",
        "https://schemas.gerbang.go.id/death/1.0.0",
        "https://schemas.gerbang.go.id/common/person/1.0.0",
        "https://example.org/population.death.registered/1.0.0",
    ])
    func rejects(uri: String) {
        #expect(DataSchemaURI.parse(uri) == nil)
    }

    @Test("versions compare numerically")
    func ordering() throws {
        let versions = try ["1.10.0", "1.2.0", "1.9.9", "0.9.0", "2.0.0"].map { try #require(SchemaVersion($0)) }
        #expect(versions.sorted().map(\.description) == ["0.9.0", "1.2.0", "1.9.9", "1.10.0", "2.0.0"])
    }
}
