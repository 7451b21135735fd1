import Catalogue
import GerbangJSON
import JSONSchema
import Testing

@Suite("Catalogue formats as validator checkers")
struct CatalogueFormatsTests {
    let checkers: [String: FormatChecker]

    init() throws { checkers = CatalogueFormats.checkers(regions: try TestRepository.regions()) }

    @Test("one checker per documented name")
    func names() {
        #expect(Set(checkers.keys) == Set(CatalogueFormats.names))
        #expect(Set(CatalogueFormats.names) == [
            "nik", "kk", "kode-wilayah", "kode-wilayah-provinsi", "kode-wilayah-kabupaten",
            "kode-wilayah-kecamatan", "kode-wilayah-desa",
        ])
    }

    @Test("checkers agree with the rules", arguments: [
        ("nik", "3374014507580002", true),
        ("nik", "3374017207580002", false),
        ("kk", "3374011501140021", true),
        ("kk", "3374015501140021", false),
        ("kode-wilayah", "33.74.01.1007", true),
        ("kode-wilayah", "33.74.01.9999", false),
        ("kode-wilayah-provinsi", "33", true),
        ("kode-wilayah-provinsi", "33.74", false),
        ("kode-wilayah-kabupaten", "33.74", true),
        ("kode-wilayah-kecamatan", "33.74.01", true),
        ("kode-wilayah-desa", "33.74.01.1007", true),
        ("kode-wilayah-desa", "33.74.01", false),
    ])
    func checks(format: String, value: String, conforms: Bool) throws {
        let checker = try #require(checkers[format])
        #expect(checker.check(value) == conforms)
    }

    @Test("a schema compiled with the checkers asserts them")
    func inASchema() throws {
        let compiler = SchemaCompiler(options: SchemaOptions(assertFormats: true, formats: checkers))
        let schema = try compiler.compile(.object(JSONObject([
            "properties": .object(JSONObject(["nik": .object(JSONObject(["format": .string("nik")]))])),
        ])))
        #expect(schema.validate(.object(JSONObject(["nik": .string("3374014507580002")]))).isValid)
        let result = schema.validate(.object(JSONObject(["nik": .string("3374013102580002")])))
        #expect(!result.isValid)
        #expect(result.errors.first?.instanceLocation == "/nik")
    }
}
