import GerbangJSON

/// One compilation: turns the schema at a location, and everything it references, into a
/// ``SchemaProgram``.
///
/// Nodes are compiled from a work queue, not recursively, so deep schemas cannot exhaust the
/// stack; every location is compiled once (memoised), which also makes recursive `$ref` cycles
/// terminate. Not `Sendable`: used by one thread during one `compile` call.
final class CompilationSession {
    var registry: ResourceRegistry
    let options: SchemaOptions

    private var nodes: [SchemaNode?] = []
    private var memo: [SchemaLocation: NodeID] = [:]
    private var queue: [(id: NodeID, location: SchemaLocation)] = []
    private var resourceIndex: [String: Int32] = [:]
    private var resourceURIs: [String] = []
    private var resourceDynamicAnchors: [[String: NodeID]] = []
    private var vocabularyCache: [String: Vocabularies] = [:]
    private var patternCache: [String: PatternMatcher] = [:]
    var usesDynamicScope = false

    init(registry: ResourceRegistry, options: SchemaOptions) {
        self.registry = registry
        self.options = options
    }

    /// Compiles the schema at `root` and everything reachable from it.
    func compileProgram(root: SchemaLocation) throws(SchemaError) -> SchemaProgram {
        let rootID = try node(for: root)
        while let (id, location) = queue.popLast() {
            nodes[Int(id)] = try compileNode(at: location)
        }
        let resources = resourceURIs.indices.map {
            SchemaProgram.Resource(uri: resourceURIs[$0], dynamicAnchors: resourceDynamicAnchors[$0])
        }
        return SchemaProgram(
            nodes: nodes.map { $0! }, resources: resources, root: rootID, usesDynamicScope: usesDynamicScope)
    }

    /// The node for the subschema at `location`, allocating and queueing it on first use.
    func node(for location: SchemaLocation) throws(SchemaError) -> NodeID {
        if let id = memo[location] { return id }
        guard nodes.count < options.maxSchemaNodes else {
            throw SchemaError(.tooLarge, "the schema has more than \(options.maxSchemaNodes) subschemas (maxSchemaNodes)")
        }
        let id = NodeID(nodes.count)
        nodes.append(nil)
        memo[location] = id
        queue.append((id, location))
        return id
    }

    /// A human-readable absolute location, for compile errors.
    func describe(_ location: SchemaLocation) -> String {
        let base = registry.info(for: location)?.baseURI ?? "document \(location.document)"
        return "\(base)#\(location.pointer)"
    }

    private func compileNode(at location: SchemaLocation) throws(SchemaError) -> SchemaNode {
        guard let value = registry.value(at: location) else {
            throw SchemaError(.unresolvedReference, "no schema at this location", location: describe(location))
        }
        let info = registry.info(for: location)
        let resource = try resource(for: info?.baseURI ?? "")
        switch value {
        case .bool(let constant):
            return SchemaNode(constant: constant, keywords: [], resource: resource)
        case .object(let object):
            let vocabularies = try vocabularies(for: info?.dialect, at: location)
            let context = KeywordContext(
                object: object, location: location, baseURI: info?.baseURI ?? "", vocabularies: vocabularies)
            let keywords = try compileKeywords(context)
            return SchemaNode(constant: keywords.isEmpty ? true : nil, keywords: keywords, resource: resource)
        default:
            throw SchemaError(.invalid, "a schema must be an object or a boolean", location: describe(location))
        }
    }

    /// The index of the resource with `uri`, registering it (and queueing its dynamic anchors)
    /// on first use.
    private func resource(for uri: String) throws(SchemaError) -> Int32 {
        if let index = resourceIndex[uri] { return index }
        let index = Int32(resourceURIs.count)
        resourceIndex[uri] = index
        resourceURIs.append(uri)
        resourceDynamicAnchors.append([:])
        var anchors: [String: NodeID] = [:]
        for (name, location) in registry.dynamicAnchors[uri] ?? [:] {
            anchors[name] = try node(for: location)
        }
        resourceDynamicAnchors[Int(index)] = anchors
        return index
    }

    /// The vocabularies of a dialect, read from its meta-schema's `$vocabulary`.
    private func vocabularies(for dialect: String?, at location: SchemaLocation) throws(SchemaError) -> Vocabularies {
        let dialect = dialect ?? BundledMetaSchemas.draft202012
        if let cached = vocabularyCache[dialect] { return cached }
        guard let metaLocation = registry.resources[dialect], let meta = registry.value(at: metaLocation) else {
            throw SchemaError(.unknownMetaSchema, "the meta-schema '\(dialect)' is not known", location: describe(location))
        }
        var result: Vocabularies
        if case .object(let declared)? = meta.objectValue?["$vocabulary"] {
            result = [.core]
            for member in declared {
                if let vocabulary = Vocabularies(uri: member.key) {
                    result.insert(vocabulary)
                } else if member.value == .bool(true) {
                    throw SchemaError(
                        .unknownVocabulary, "the meta-schema '\(dialect)' requires the unknown vocabulary '\(member.key)'",
                        location: describe(location))
                }
            }
        } else {
            result = .draft202012
        }
        vocabularyCache[dialect] = result
        return result
    }

    /// The compiled pattern, shared between keywords with the same source.
    func pattern(_ source: String, at location: SchemaLocation) throws(SchemaError) -> PatternMatcher {
        if let cached = patternCache[source] { return cached }
        do {
            let matcher = try PatternMatcher(source)
            patternCache[source] = matcher
            return matcher
        } catch {
            throw SchemaError(error.reason, error.message, location: describe(location))
        }
    }
}
