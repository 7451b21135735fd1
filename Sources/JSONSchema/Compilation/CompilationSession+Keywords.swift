import GerbangJSON

extension CompilationSession {
    /// Compiles the keywords of one schema object that belong to its active vocabularies.
    /// Unknown keywords and annotation-only keywords produce nothing.
    func compileKeywords(_ context: KeywordContext) throws(SchemaError) -> [Keyword] {
        let vocabularies = context.vocabularies
        var keywords: [Keyword] = []
        var unevaluated: [Keyword] = []
        let object = context.object
        for member in object {
            let name = member.key
            let value = member.value
            let kind: Keyword.Kind?
            switch name {
            case "$ref" where vocabularies.contains(.core):
                kind = .ref(try reference(value, context, keyword: name).node)
            case "$dynamicRef" where vocabularies.contains(.core):
                kind = try dynamicReference(value, context)
            case "allOf" where vocabularies.contains(.applicator):
                kind = .allOf(try schemaArray(value, context, keyword: name))
            case "anyOf" where vocabularies.contains(.applicator):
                kind = .anyOf(try schemaArray(value, context, keyword: name))
            case "oneOf" where vocabularies.contains(.applicator):
                kind = .oneOf(try schemaArray(value, context, keyword: name))
            case "not" where vocabularies.contains(.applicator):
                kind = .not(try subschema(context, name))
            case "if" where vocabularies.contains(.applicator):
                kind = .conditional(
                    condition: try subschema(context, name),
                    then: object["then"] == nil ? nil : try subschema(context, "then"),
                    else: object["else"] == nil ? nil : try subschema(context, "else"))
            case "dependentSchemas" where vocabularies.contains(.applicator):
                kind = .dependentSchemas(try schemaMap(value, context, keyword: name).map { (property: $0.name, node: $0.node) })
            case "prefixItems" where vocabularies.contains(.applicator):
                kind = .prefixItems(try schemaArray(value, context, keyword: name))
            case "items" where vocabularies.contains(.applicator):
                let prefixCount = object["prefixItems"]?.arrayValue?.count ?? 0
                kind = .items(try subschema(context, name), from: prefixCount)
            case "contains" where vocabularies.contains(.applicator):
                let validation = vocabularies.contains(.validation)
                let minimum = validation ? try object["minContains"].map { v throws(SchemaError) in try nonNegativeInteger(v, context, "minContains") } ?? 1 : 1
                let maximum = validation ? try object["maxContains"].map { v throws(SchemaError) in try nonNegativeInteger(v, context, "maxContains") } : nil
                kind = .contains(try subschema(context, name), minimum: minimum, maximum: maximum)
            case "properties" where vocabularies.contains(.applicator):
                kind = .properties(PropertyTable(try schemaMap(value, context, keyword: name)))
            case "patternProperties" where vocabularies.contains(.applicator):
                var entries: [(pattern: PatternMatcher, node: NodeID)] = []
                for entry in try schemaMap(value, context, keyword: name) {
                    entries.append((try pattern(entry.name, at: context.location.appending(name)), entry.node))
                }
                kind = .patternProperties(entries)
            case "additionalProperties" where vocabularies.contains(.applicator):
                let declared = PropertyTable((object["properties"]?.objectValue?.keys ?? []).map { (name: $0, node: -1) })
                var patterns: [PatternMatcher] = []
                for source in object["patternProperties"]?.objectValue?.keys ?? [] {
                    patterns.append(try pattern(source, at: context.location.appending("patternProperties")))
                }
                kind = .additionalProperties(try subschema(context, name), declared: declared, patterns: patterns)
            case "propertyNames" where vocabularies.contains(.applicator):
                kind = .propertyNames(try subschema(context, name))
            case "unevaluatedItems" where vocabularies.contains(.unevaluated):
                unevaluated.append(Keyword(name: name, kind: .unevaluatedItems(try subschema(context, name))))
                kind = nil
            case "unevaluatedProperties" where vocabularies.contains(.unevaluated):
                unevaluated.append(Keyword(name: name, kind: .unevaluatedProperties(try subschema(context, name))))
                kind = nil
            case "format" where vocabularies.contains(.formatAssertion) || options.assertFormats:
                kind = try format(value, context)
            default:
                kind = vocabularies.contains(.validation) ? try validationKeyword(name, value, context) : nil
            }
            if let kind { keywords.append(Keyword(name: name, kind: kind)) }
        }
        // `$defs` produce no keyword: a definition is compiled when a reference reaches it (or,
        // with a `$dynamicAnchor`, when its resource is first used). `unevaluated*` go last,
        // after every keyword whose annotations they read.
        return keywords + unevaluated
    }

    private func validationKeyword(_ name: String, _ value: JSONValue, _ context: KeywordContext) throws(SchemaError) -> Keyword.Kind? {
        switch name {
        case "type":
            var set: JSONTypeSet = []
            let names: [JSONValue] = value.arrayValue ?? [value]
            for item in names {
                guard let typeName = item.stringValue, let type = JSONTypeSet(name: typeName) else {
                    throw invalid(context, name, "must be a type name or an array of type names")
                }
                set.insert(type)
            }
            return .type(set)
        case "const":
            return .const(value)
        case "enum":
            guard let items = value.arrayValue else { throw invalid(context, name, "must be an array") }
            return .enumeration(items)
        case "multipleOf":
            guard let number = value.numberValue, let exact = DecimalNumber(number.text), !exact.isNegative, !exact.isZero else {
                throw invalid(context, name, "must be a number greater than 0")
            }
            return .multipleOf(number, exact)
        case "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum":
            guard let number = value.numberValue, let exact = DecimalNumber(number.text) else {
                throw invalid(context, name, "must be a number")
            }
            let comparison: NumberBound.Comparison =
                switch name {
                case "maximum": .maximum
                case "minimum": .minimum
                case "exclusiveMaximum": .exclusiveMaximum
                default: .exclusiveMinimum
                }
            return .numberBound(NumberBound(comparison: comparison, limit: number, limitValue: number.doubleValue, limitDecimal: exact))
        case "maxLength": return .maxLength(try nonNegativeInteger(value, context, name))
        case "minLength": return .minLength(try nonNegativeInteger(value, context, name))
        case "pattern":
            guard let source = value.stringValue else { throw invalid(context, name, "must be a string") }
            return .pattern(try pattern(source, at: context.location.appending(name)))
        case "maxItems": return .maxItems(try nonNegativeInteger(value, context, name))
        case "minItems": return .minItems(try nonNegativeInteger(value, context, name))
        case "uniqueItems":
            guard let flag = value.boolValue else { throw invalid(context, name, "must be a boolean") }
            return flag ? .uniqueItems : nil
        case "maxProperties": return .maxProperties(try nonNegativeInteger(value, context, name))
        case "minProperties": return .minProperties(try nonNegativeInteger(value, context, name))
        case "required":
            var distinct: [String] = []
            for required in try stringArray(value, context, name) where !distinct.contains(required) { distinct.append(required) }
            return .required(PropertyTable(distinct.map { (name: $0, node: -1) }))
        case "dependentRequired":
            guard let map = value.objectValue else { throw invalid(context, name, "must be an object") }
            var entries: [(property: String, required: [String])] = []
            for member in map {
                entries.append((member.key, try stringArray(member.value, context, name)))
            }
            return .dependentRequired(entries)
        default:
            return nil
        }
    }

    private func format(_ value: JSONValue, _ context: KeywordContext) throws(SchemaError) -> Keyword.Kind {
        guard let name = value.stringValue else { throw invalid(context, "format", "must be a string") }
        guard let checker = options.formats[name] ?? BuiltinFormats.checker(named: name) else {
            throw SchemaError(
                .unknownFormat, "formats assert and '\(name)' is neither a built-in nor a custom format",
                location: describe(context.location.appending("format")))
        }
        return .format(name: name, checker: checker)
    }

    // MARK: References

    /// Resolves a `$ref`-style URI reference against the context's base URI.
    func reference(_ value: JSONValue, _ context: KeywordContext, keyword: String) throws(SchemaError) -> (node: NodeID, location: SchemaLocation, fragment: String) {
        guard let text = value.stringValue else { throw invalid(context, keyword, "must be a URI reference string") }
        let resolved = URIReference(context.baseURI).resolving(URIReference(text))
        let resourceURI = resolved.withoutFragment.text
        let here = describe(context.location.appending(keyword))
        guard let resourceRoot = registry.resources[resourceURI] else {
            throw SchemaError(.unresolvedReference, "'\(text)' refers to the unknown resource '\(resourceURI)'", location: here)
        }
        guard let fragment = URIReference.percentDecoded(resolved.fragment ?? "") else {
            throw SchemaError(.invalidURI, "'\(text)' has a malformed percent-encoding", location: here)
        }
        let target: SchemaLocation
        if fragment.isEmpty {
            target = resourceRoot
        } else if fragment.hasPrefix("/") {
            guard let tokens = JSONPointer.tokens(fragment) else {
                throw SchemaError(.unresolvedReference, "'\(text)' has an invalid JSON Pointer", location: here)
            }
            target = SchemaLocation(document: resourceRoot.document, pointer: resourceRoot.pointer + JSONPointer.pointer(tokens))
            guard registry.value(at: target) != nil else {
                throw SchemaError(.unresolvedReference, "'\(text)' points to nothing in '\(resourceURI)'", location: here)
            }
        } else {
            guard let anchored = registry.anchors["\(resourceURI)#\(fragment)"] else {
                throw SchemaError(.unresolvedReference, "'\(text)': no anchor '\(fragment)' in '\(resourceURI)'", location: here)
            }
            target = anchored
        }
        return (try node(for: target), target, fragment)
    }

    private func dynamicReference(_ value: JSONValue, _ context: KeywordContext) throws(SchemaError) -> Keyword.Kind {
        let (target, location, fragment) = try reference(value, context, keyword: "$dynamicRef")
        // Bookending: only a target that itself declares the same $dynamicAnchor makes the
        // reference dynamic; otherwise it behaves exactly like $ref.
        guard !fragment.isEmpty, !fragment.hasPrefix("/"),
            registry.value(at: location)?.objectValue?["$dynamicAnchor"] == .string(fragment)
        else { return .ref(target) }
        usesDynamicScope = true
        return .dynamicRef(target: target, anchor: fragment)
    }

    // MARK: Subschemas and values

    private func subschema(_ context: KeywordContext, _ keyword: String) throws(SchemaError) -> NodeID {
        let location = context.location.appending(keyword)
        guard let value = context.object[keyword], value.boolValue != nil || value.objectValue != nil else {
            throw invalid(context, keyword, "must be a schema (an object or a boolean)")
        }
        return try node(for: location)
    }

    private func schemaArray(_ value: JSONValue, _ context: KeywordContext, keyword: String) throws(SchemaError) -> [NodeID] {
        guard let items = value.arrayValue, !items.isEmpty else { throw invalid(context, keyword, "must be a non-empty array of schemas") }
        var result: [NodeID] = []
        for (offset, item) in items.enumerated() {
            guard item.boolValue != nil || item.objectValue != nil else {
                throw invalid(context, keyword, "item \(offset) must be a schema (an object or a boolean)")
            }
            result.append(try node(for: context.location.appending(keyword).appending(String(offset))))
        }
        return result
    }

    private func schemaMap(_ value: JSONValue, _ context: KeywordContext, keyword: String) throws(SchemaError) -> [(name: String, node: NodeID)] {
        guard let map = value.objectValue else { throw invalid(context, keyword, "must be an object of schemas") }
        var result: [(name: String, node: NodeID)] = []
        for member in map {
            guard member.value.boolValue != nil || member.value.objectValue != nil else {
                throw invalid(context, keyword, "'\(member.key)' must be a schema (an object or a boolean)")
            }
            result.append((member.key, try node(for: context.location.appending(keyword).appending(member.key))))
        }
        return result
    }

    private func nonNegativeInteger(_ value: JSONValue, _ context: KeywordContext, _ keyword: String) throws(SchemaError) -> Int {
        guard let number = value.numberValue, let exact = DecimalNumber(number.text), exact.isInteger, !exact.isNegative else {
            throw invalid(context, keyword, "must be a non-negative integer")
        }
        let double = number.doubleValue
        return double >= Double(Int.max) ? Int.max : Int(double)
    }

    private func stringArray(_ value: JSONValue, _ context: KeywordContext, _ keyword: String) throws(SchemaError) -> [String] {
        guard let items = value.arrayValue else { throw invalid(context, keyword, "must be an array of strings") }
        var result: [String] = []
        for item in items {
            guard let string = item.stringValue else { throw invalid(context, keyword, "must be an array of strings") }
            result.append(string)
        }
        return result
    }

    private func invalid(_ context: KeywordContext, _ keyword: String, _ message: String) -> SchemaError {
        SchemaError(.invalid, "'\(keyword)' \(message)", location: describe(context.location.appending(keyword)))
    }
}
