import Foundation
import GerbangJSON
import JSONSchema

/// Parses the input as JSON and compiles it as a draft 2020-12 schema, twice: as the catalogue
/// does (format assertions, meta-schema check first) and without the meta-schema check (so that
/// the compiler itself sees schemas the check would refuse). Each compiled schema then validates
/// a few fixed instances, the example events of `Config/examples/`, and the schema document
/// itself.
///
/// The shared definitions of `Config/schemas/common/` are added as resources (found from this
/// file's location, as tests do), so the catalogue schemas of the seed corpus resolve their
/// `$ref`s.
///
/// Checks: compilation throws only `SchemaError`; validation never traps. Accepted means the
/// catalogue's compiler (the first) compiled the schema.
@discardableResult
public func fuzzSchema(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
    let schema: JSONValue
    do {
        schema = try JSONParser.parse(data)
    } catch {
        _ = error.description
        return .rejected
    }
    var outcome = FuzzOutcome.rejected
    for (index, compiler) in SchemaFuzzing.compilers.enumerated() {
        let compiled: CompiledSchema
        do {
            compiled = try compiler.compile(schema)
        } catch {
            _ = error.description
            continue
        }
        for instance in SchemaFuzzing.instances {
            _ = compiled.validate(instance)
        }
        _ = compiled.validate(schema)
        if index == 0 { outcome = .accepted }
    }
    return outcome
}

/// The fixed parts of ``fuzzSchema(_:)``, built once per process.
enum SchemaFuzzing {
    /// The repository root, from this file's location (`Sources/FuzzTargets/`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FuzzTargets
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// The catalogue's compiler and one that skips the meta-schema check, both knowing the shared
    /// definitions.
    static let compilers: [SchemaCompiler] = {
        let definitions = jsonFiles(in: "Config/schemas/common")
        return [
            SchemaOptions(assertFormats: true),
            SchemaOptions(assertFormats: true, checksAgainstMetaSchema: false),
        ].map { options in
            var compiler = SchemaCompiler(options: options)
            for definition in definitions {
                guard case .object(let object) = definition, case .string(let id)? = object["$id"] else { continue }
                try? compiler.addResource(definition, uri: id)
            }
            return compiler
        }
    }()

    /// Instances every compiled schema validates: one of each JSON type, and the example events.
    static let instances: [JSONValue] = {
        let fixed = [
            #"{"id":"A-1","amount":1500000,"tags":["x","y"],"nested":{"a":null,"b":[1.5e3,-0]}}"#,
            #"[1,"2",3.5,true,null,{"k":"v"},[]]"#,
            #""2026-11-29T09:00:00+07:00""#,
            "12345678901234567890.5e-3",
            "true",
            "null",
        ].compactMap { try? JSONParser.parse($0) }
        return fixed + jsonFiles(in: "Config/examples")
    }()

    /// Every `.json` file under `directory` (relative to the repository root), parsed, in path
    /// order; files that are missing or do not parse are left out.
    static func jsonFiles(in directory: String) -> [JSONValue] {
        let root = repositoryRoot.appendingPathComponent(directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        let urls = enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
        return urls.sorted { $0.path < $1.path }.compactMap { url in
            guard let data = try? Data(contentsOf: url) else { return nil }
            return try? JSONParser.parse(data)
        }
    }
}
