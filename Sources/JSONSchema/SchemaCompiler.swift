import GerbangJSON

/// Compiles JSON Schema draft 2020-12 schemas into ``CompiledSchema``s.
///
/// The compiler holds the documents that schemas may reference: the bundled draft 2020-12
/// meta-schemas, plus any resource you add with ``addResource(_:uri:)`` (shared definitions, or
/// the test suite's `http://localhost:1234/` remotes). Nothing is ever fetched from the network.
///
/// ```swift
/// var compiler = SchemaCompiler(options: SchemaOptions(assertFormats: true))
/// try compiler.addResource(definitions, uri: "https://gerbang.go.id/schemas/definitions.json")
/// let schema = try compiler.compile(eventSchema, uri: "https://gerbang.go.id/schemas/x/1.schema.json")
/// let result = schema.validate(instance)
/// ```
///
/// `Sendable`: a value type made only of `Sendable` values; `compile` does not mutate it, so one
/// compiler may compile on several threads.
public struct SchemaCompiler: Sendable {
    /// The options every schema compiled from now on uses.
    public var options: SchemaOptions
    private var registry: ResourceRegistry

    /// The base URI given to a compiled schema that has no URI of its own.
    static let anonymousURI = "https://gerbang.invalid/schemas/anonymous.schema.json"

    /// Creates a compiler that knows the bundled draft 2020-12 meta-schemas.
    public init(options: SchemaOptions = .init()) {
        self.options = options
        self.registry = Self.bundledRegistry
    }

    /// The registry with the bundled meta-schemas, scanned once per process.
    private static let bundledRegistry: ResourceRegistry = {
        var registry = ResourceRegistry()
        for document in BundledMetaSchemas.documents {
            // The bundled documents are known-good and have distinct URIs.
            _ = try? registry.add(document.schema, uri: document.uri, replacing: false)
        }
        return registry
    }()

    /// Makes `schema` resolvable under `uri` (an absolute URI) and under every `$id` and anchor it
    /// declares, for `$ref`s and `$schema`s of schemas compiled later.
    ///
    /// - Throws: `schema.invalid-uri` when `uri` is not absolute; `schema.duplicate-resource`
    ///   when a URI is already taken by another added document.
    public mutating func addResource(_ schema: JSONValue, uri: String) throws(SchemaError) {
        _ = try registry.add(schema, uri: uri, replacing: false)
    }

    /// Compiles `schema`, resolving its references against its `$id`, or `uri`, or an anonymous
    /// base URI. The schema's own resources are visible only to this compilation.
    ///
    /// - Throws: a ``SchemaError`` with a reason code when the schema is not a valid 2020-12
    ///   schema as far as compilation can tell (or, with ``SchemaOptions/checksAgainstMetaSchema``,
    ///   as far as the draft 2020-12 meta-schema can tell), a reference does not resolve, or
    ///   `$schema` names an unknown meta-schema.
    public func compile(_ schema: JSONValue, uri: String? = nil) throws(SchemaError) -> CompiledSchema {
        if options.checksAgainstMetaSchema { try Self.checkAgainstMetaSchema(schema) }
        var sessionRegistry = registry
        let document = try sessionRegistry.add(schema, uri: uri ?? Self.anonymousURI, replacing: true)
        let session = CompilationSession(registry: sessionRegistry, options: options)
        let program = try session.compileProgram(root: SchemaLocation(document: document, pointer: ""))
        return CompiledSchema(program: program, options: options)
    }

    /// The standard draft 2020-12 meta-schema, compiled once per process.
    private static let metaSchema: CompiledSchema? = {
        var options = SchemaOptions()
        options.checksAgainstMetaSchema = false
        return try? SchemaCompiler(options: options).compile(.object(JSONObject(["$ref": .string(BundledMetaSchemas.draft202012)])))
    }()

    /// Validates a schema that uses the standard 2020-12 dialect (no `$schema`, or that one)
    /// against the meta-schema; schemas of other dialects, and schemas nested deeper than the
    /// default ``SchemaOptions/maxValidationDepth`` allows checking, are left to compilation.
    private static func checkAgainstMetaSchema(_ schema: JSONValue) throws(SchemaError) {
        if case .object(let object) = schema, let dialect = object["$schema"],
            dialect != .string(BundledMetaSchemas.draft202012)
        {
            return
        }
        guard let metaSchema, case let result = metaSchema.validate(schema), !result.isValid else { return }
        // A schema nested too deeply for the check's own depth limit is left to compilation
        // (which needs no recursion) rather than rejected.
        if result.errors.contains(where: { $0.keyword == "maxValidationDepth" }) { return }
        let first = result.errors.first { $0.keyword != "anyOf" && $0.keyword != "oneOf" } ?? result.errors[0]
        throw SchemaError(
            .invalid, "the schema does not conform to the draft 2020-12 meta-schema: \(first.message)",
            location: "#" + first.instanceLocation)
    }
}
