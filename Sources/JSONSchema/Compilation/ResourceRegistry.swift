import GerbangJSON

/// The schema documents known to a compiler, indexed by every URI and anchor they declare.
///
/// Adding a document scans it (iteratively, without recursion) for `$id`, `$anchor`,
/// `$dynamicAnchor` and `$schema` in every subschema reachable through the 2020-12 applicator
/// keywords and `$defs`, recording each subschema's base URI and dialect.
///
/// `Sendable`: a value type made only of `Sendable` values.
struct ResourceRegistry: Sendable {
    /// What the scan learned about one subschema.
    struct LocationInfo: Sendable {
        /// The absolute base URI in effect (no fragment).
        let baseURI: String
        /// The `$schema` in effect, if any (absolute URI, no empty fragment).
        let dialect: String?
    }

    private(set) var documents: [JSONValue] = []
    /// Resource URI (absolute, no fragment) → the resource's root.
    private(set) var resources: [String: SchemaLocation] = [:]
    /// `resourceURI#name` → the subschema with that `$anchor` or `$dynamicAnchor`.
    private(set) var anchors: [String: SchemaLocation] = [:]
    /// Resource URI → `$dynamicAnchor` name → subschema.
    private(set) var dynamicAnchors: [String: [String: SchemaLocation]] = [:]
    /// Scanned subschemas.
    private(set) var locations: [SchemaLocation: LocationInfo] = [:]

    /// Keywords whose value is one subschema.
    static let singleSchemaKeywords: Set<String> = [
        "additionalProperties", "propertyNames", "not", "if", "then", "else", "items", "contains",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    /// Keywords whose value is an array of subschemas.
    static let schemaArrayKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    /// Keywords whose value is an object of subschemas.
    static let schemaMapKeywords: Set<String> = ["$defs", "properties", "patternProperties", "dependentSchemas"]

    /// Adds a document retrieved from `uri`. With `replacing`, URIs already registered by other
    /// documents are taken over (used for the schema being compiled); otherwise a URI clash is
    /// `schema.duplicate-resource`. Returns the document's index.
    mutating func add(_ document: JSONValue, uri: String, replacing: Bool) throws(SchemaError) -> Int {
        let retrieval = URIReference(uri)
        guard retrieval.isAbsolute else {
            throw SchemaError(.invalidURI, "the resource URI '\(uri)' is not absolute")
        }
        let index = documents.count
        documents.append(document)
        var declared: Set<String> = []
        let rootURI = retrieval.withoutFragment.text
        try register(resource: rootURI, at: SchemaLocation(document: index, pointer: ""), replacing: replacing, declared: &declared)

        var stack: [(value: JSONValue, location: SchemaLocation, base: String, dialect: String?)] = [
            (document, SchemaLocation(document: index, pointer: ""), rootURI, nil)
        ]
        while let (value, location, inheritedBase, inheritedDialect) = stack.popLast() {
            guard case .object(let object) = value else {
                locations[location] = LocationInfo(baseURI: inheritedBase, dialect: inheritedDialect)
                continue
            }
            var base = inheritedBase
            var dialect = inheritedDialect
            let isResourceRoot: Bool
            if case .string(let id)? = object["$id"] {
                let resolved = URIReference(inheritedBase).resolving(URIReference(id)).withoutFragment
                guard resolved.isAbsolute else {
                    throw SchemaError(.invalidURI, "$id '\(id)' does not resolve to an absolute URI", location: "\(inheritedBase)#\(location.pointer)")
                }
                base = resolved.text
                try register(resource: base, at: location, replacing: replacing, declared: &declared)
                isResourceRoot = true
            } else {
                isResourceRoot = location.pointer.isEmpty
            }
            if isResourceRoot, case .string(let schemaURI)? = object["$schema"] {
                var reference = URIReference(schemaURI)
                if reference.fragment == "" { reference.fragment = nil }
                dialect = reference.text
            }
            locations[location] = LocationInfo(baseURI: base, dialect: dialect)
            if case .string(let name)? = object["$anchor"] {
                anchors["\(base)#\(name)"] = location
            }
            if case .string(let name)? = object["$dynamicAnchor"] {
                anchors["\(base)#\(name)"] = location
                dynamicAnchors[base, default: [:]][name] = location
            }
            for member in object {
                let child = location.appending(member.key)
                if Self.singleSchemaKeywords.contains(member.key) {
                    stack.append((member.value, child, base, dialect))
                } else if Self.schemaArrayKeywords.contains(member.key), case .array(let items) = member.value {
                    for (offset, item) in items.enumerated() {
                        stack.append((item, child.appending(String(offset)), base, dialect))
                    }
                } else if Self.schemaMapKeywords.contains(member.key), case .object(let map) = member.value {
                    for entry in map {
                        stack.append((entry.value, child.appending(entry.key), base, dialect))
                    }
                }
            }
        }
        return index
    }

    private mutating func register(
        resource uri: String, at location: SchemaLocation, replacing: Bool, declared: inout Set<String>
    ) throws(SchemaError) {
        if declared.contains(uri), resources[uri] != location {
            throw SchemaError(.duplicateResource, "two schema resources in one document have the URI '\(uri)'")
        }
        if !replacing, let existing = resources[uri], existing != location, existing.document != location.document {
            throw SchemaError(.duplicateResource, "a schema resource with the URI '\(uri)' is already registered")
        }
        declared.insert(uri)
        resources[uri] = location
    }

    /// What the scan recorded for `location`, or for its nearest scanned ancestor when the
    /// location was reached through an unknown keyword.
    func info(for location: SchemaLocation) -> LocationInfo? {
        if let info = locations[location] { return info }
        var pointer = Substring(location.pointer)
        while let slash = pointer.lastIndex(of: "/") {
            pointer = pointer[..<slash]
            if let info = locations[SchemaLocation(document: location.document, pointer: String(pointer))] { return info }
        }
        return nil
    }

    /// The JSON value at `location`, if the pointer matches.
    func value(at location: SchemaLocation) -> JSONValue? {
        guard let tokens = JSONPointer.tokens(location.pointer) else { return nil }
        return JSONPointer.resolve(tokens, in: documents[location.document])
    }
}
