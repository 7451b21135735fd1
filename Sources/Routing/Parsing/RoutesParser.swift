import Yams

/// Turns the text of a routes file into a ``RouteTable``, or the first problem with its line
/// and column. Internal: use ``RouteTable/init(yaml:file:options:)``.
struct RoutesParser {
    let file: String
    let options: RoutesOptions

    static let rootKeys = ["version", "defaults", "publish", "subscriptions"]
    static let defaultsKeys = ["retry"]
    static let subscriptionKeys = ["id", "agency", "adapter", "types", "filter", "retry", "order-by"]
    static let retryKeys = ["max-attempts", "backoff-base", "backoff-factor", "backoff-cap", "visibility-timeout"]
    static let filterKeys = ["source", "subject-prefix", "attributes"]
    /// Attributes that have their own filter key or are never filtered on.
    static let reservedAttributes: Set<String> = ["type", "source", "subject", "data", "data_base64", "specversion"]

    func parse(_ text: String) throws(RoutesError) -> RouteTable {
        guard text.utf8.count <= options.maxFileBytes else {
            throw RoutesError(.tooLarge, "the routes file is larger than \(options.maxFileBytes) bytes", file: file)
        }
        let document: Node?
        do {
            document = try Yams.compose(yaml: text)
        } catch {
            throw Self.syntaxError(error, file: file)
        }
        guard let document else {
            throw RoutesError(.missingKey, "the routes file is empty (it needs `publish:` and `subscriptions:`)", file: file, line: 1, column: 1)
        }
        let root = try YAMLValue(node: document, file: file, context: "").mapping(allowedKeys: Self.rootKeys)
        if let version = root["version"] {
            let number = try version.within("version").integer(in: 1...Int.max)
            guard number == 1 else { throw version.error(.invalidValue, "version \(number) is not supported (only 1)") }
        }
        var defaults = RetryPolicy()
        if let section = root["defaults"] {
            let mapping = try section.within("defaults").mapping(allowedKeys: Self.defaultsKeys)
            if let retry = mapping["retry"] {
                defaults = try parseRetry(retry.within("defaults.retry"), base: defaults)
            }
        }
        let permissions = try parsePublish(root.required("publish").within("publish"))
        let subscriptions = try parseSubscriptions(root.required("subscriptions").within("subscriptions"), defaults: defaults)
        return RouteTable(permissions: permissions, subscriptions: subscriptions, typeCacheCapacity: options.typeCacheCapacity)
    }

    // MARK: publish

    private func parsePublish(_ value: YAMLValue) throws(RoutesError) -> [PublishPermission] {
        if value.isNull { return [] }
        let mapping = try value.mapping(allowedKeys: [])
        var permissions: [PublishPermission] = []
        for entry in mapping.entries {
            let context = "publish '\(entry.key)'"
            try checkAgency(entry.key, value: YAMLValue(node: entry.value.node, file: file, context: context), at: entry.keyMark)
            let globs = try parseGlobs(entry.value.within(context))
            permissions.append(PublishPermission(agency: entry.key, types: globs))
        }
        return permissions
    }

    // MARK: subscriptions

    private func parseSubscriptions(_ value: YAMLValue, defaults: RetryPolicy) throws(RoutesError) -> [Subscription] {
        if value.isNull { return [] }
        let items = try value.list("subscriptions")
        guard items.count <= options.maxSubscriptions else {
            throw value.error(.limitExceeded, "\(items.count) subscriptions, more than the limit of \(options.maxSubscriptions)")
        }
        var subscriptions: [Subscription] = []
        var firstLines: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let subscription = try parseSubscription(item.within("subscription \(index + 1)"), defaults: defaults)
            if let line = firstLines[subscription.id] {
                let idValue = try item.mapping(allowedKeys: Self.subscriptionKeys).required("id")
                throw idValue.within("subscription '\(subscription.id)'")
                    .error(.duplicateSubscription, "duplicate subscription id (first declared on line \(line))")
            }
            firstLines[subscription.id] = item.node.mark?.line ?? 0
            subscriptions.append(subscription)
        }
        return subscriptions
    }

    private func parseSubscription(_ value: YAMLValue, defaults: RetryPolicy) throws(RoutesError) -> Subscription {
        let idValue = try value.mapping(allowedKeys: []).required("id")
        let id = try idValue.string("a subscription id")
        let named = value.within("subscription '\(id)'")
        guard Self.isIdentifier(id) else {
            throw idValue.within(named.context).error(
                .invalidValue, "id '\(id)' is not a GMP identifier (1-64 of a-z 0-9 . _ -, starting with a letter or digit)")
        }
        let entries = try named.mapping(allowedKeys: Self.subscriptionKeys)
        let agencyValue = try entries.required("agency")
        let agency = try agencyValue.string("an agency id")
        try checkAgency(agency, value: agencyValue, at: agencyValue.node.mark)
        let adapterValue = try entries.required("adapter")
        let adapter = try adapterValue.string("an adapter name")
        guard Self.isIdentifier(adapter) else {
            throw adapterValue.error(.invalidValue, "adapter '\(adapter)' is not a GMP identifier (1-64 of a-z 0-9 . _ -, starting with a letter or digit)")
        }
        let types = try parseGlobs(entries.required("types"))
        let filter = try entries["filter"].map { v throws(RoutesError) in try parseFilter(v) } ?? AttributeFilter()
        let retry = try entries["retry"].map { v throws(RoutesError) in try parseRetry(v, base: defaults) } ?? defaults
        var ordering = Subscription.Ordering.none
        if let orderValue = entries["order-by"] {
            let text = try orderValue.string("`none` or `partitionkey`")
            guard let parsed = Subscription.Ordering(rawValue: text) else {
                throw orderValue.error(.invalidValue, "order-by '\(text)' is not `none` or `partitionkey`")
            }
            ordering = parsed
        }
        return Subscription(id: id, agency: agency, adapter: adapter, types: types, filter: filter, retry: retry, ordering: ordering)
    }

    // MARK: parts

    private func parseGlobs(_ value: YAMLValue) throws(RoutesError) -> [TypeGlob] {
        let items = try value.list("type globs", allowsScalar: true)
        guard !items.isEmpty else { throw value.error(.invalidValue, "the list of type globs is empty") }
        guard items.count <= options.maxGlobsPerEntry else {
            throw value.error(.limitExceeded, "\(items.count) type globs, more than the limit of \(options.maxGlobsPerEntry)")
        }
        var globs: [TypeGlob] = []
        for item in items {
            let text = try item.string("a type glob")
            let glob: TypeGlob
            do {
                glob = try TypeGlob(text)
            } catch {
                throw item.error(.invalidGlob, "'\(text)': \(error.message)")
            }
            if let knownTypes = options.knownTypes, !knownTypes.contains(where: glob.matches) {
                var message = "'\(text)' matches none of the catalogue's types"
                if !text.contains("**"), let widened = Self.widened(glob), knownTypes.contains(where: widened.matches) {
                    message += " (`*` stays within one segment; did you mean '\(widened.pattern)'?)"
                }
                throw item.error(.unmatchedGlob, message)
            }
            globs.append(glob)
        }
        return globs
    }

    /// The glob with a trailing `*` segment replaced by `**`, for the suggestion.
    private static func widened(_ glob: TypeGlob) -> TypeGlob? {
        guard glob.pattern.hasSuffix(".*") || glob.pattern == "*" else { return nil }
        return try? TypeGlob(glob.pattern + "*")
    }

    private func parseRetry(_ value: YAMLValue, base: RetryPolicy) throws(RoutesError) -> RetryPolicy {
        let mapping = try value.mapping(allowedKeys: Self.retryKeys)
        var policy = base
        if let v = mapping["max-attempts"] { policy.maxAttempts = try v.integer(in: RetryPolicy.maxAttemptsRange) }
        if let v = mapping["backoff-base"] { policy.backoffBase = try v.duration(in: RetryPolicy.backoffRange) }
        if let v = mapping["backoff-factor"] { policy.backoffFactor = try v.number(in: RetryPolicy.backoffFactorRange) }
        if let v = mapping["backoff-cap"] { policy.backoffCap = try v.duration(in: RetryPolicy.backoffRange) }
        if let v = mapping["visibility-timeout"] { policy.visibilityTimeout = try v.duration(in: RetryPolicy.visibilityTimeoutRange) }
        guard policy.backoffBase <= policy.backoffCap else {
            let at = mapping["backoff-cap"] ?? mapping["backoff-base"] ?? value
            throw at.error(.invalidValue, "backoff-base (\(DurationSyntax.format(policy.backoffBase))) is larger than backoff-cap (\(DurationSyntax.format(policy.backoffCap)))")
        }
        return policy
    }

    private func parseFilter(_ value: YAMLValue) throws(RoutesError) -> AttributeFilter {
        let mapping = try value.mapping(allowedKeys: Self.filterKeys)
        var filter = AttributeFilter()
        if let sources = mapping["source"] {
            var agencies: Set<String> = []
            for item in try sources.list("agency ids", allowsScalar: true) {
                let agency = try item.string("an agency id")
                try checkAgency(agency, value: item, at: item.node.mark)
                agencies.insert(agency)
            }
            guard !agencies.isEmpty else { throw sources.error(.invalidValue, "the list of source agencies is empty") }
            filter.sourceAgencies = agencies
        }
        if let prefixes = mapping["subject-prefix"] {
            var list: [String] = []
            for item in try prefixes.list("subject prefixes", allowsScalar: true) {
                let prefix = try item.string("a subject prefix")
                guard !prefix.isEmpty else { throw item.error(.invalidValue, "a subject prefix cannot be empty") }
                list.append(prefix)
            }
            guard !list.isEmpty else { throw prefixes.error(.invalidValue, "the list of subject prefixes is empty") }
            filter.subjectPrefixes = list
        }
        if let attributes = mapping["attributes"] {
            for entry in try attributes.mapping(allowedKeys: []).entries {
                let name = entry.key
                guard Self.isAttributeName(name) else {
                    throw YAMLValue.error(.invalidValue, "'\(name)' is not a CloudEvents attribute name (1-20 of a-z 0-9)",
                                          file: file, context: value.context, at: entry.keyMark)
                }
                guard !Self.reservedAttributes.contains(name) else {
                    throw YAMLValue.error(.invalidValue, "attribute '\(name)' cannot be filtered here (use `types`, `source` or `subject-prefix`)",
                                          file: file, context: value.context, at: entry.keyMark)
                }
                filter.attributesEqual[name] = try entry.value.string("the attribute's value")
            }
        }
        return filter
    }

    // MARK: checks

    private func checkAgency(_ agency: String, value: YAMLValue, at mark: Mark?) throws(RoutesError) {
        guard Self.isAgencyID(agency) else {
            throw YAMLValue.error(.invalidValue, "'\(agency)' is not an agency id (a-z, 0-9, -; at most 64)", file: file, context: value.context, at: mark)
        }
        if let known = options.knownAgencies, !known.contains(agency) {
            throw YAMLValue.error(.unknownAgency, "unknown agency '\(agency)' (not in the agencies file)", file: file, context: value.context, at: mark)
        }
    }

    /// `^[a-z0-9][a-z0-9-]{0,63}$`, the agency ids of `Config/agencies.yaml`.
    static func isAgencyID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count), isLowerAlphanumeric(bytes[0]) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// GMP `identifier`: `^[a-z0-9][a-z0-9._-]*$`, 1-64 bytes.
    static func isIdentifier(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count), isLowerAlphanumeric(bytes[0]) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }
    }

    /// CloudEvents attribute names: 1-20 of `a-z 0-9`.
    static func isAttributeName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return (1...20).contains(bytes.count) && bytes.allSatisfy(isLowerAlphanumeric)
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// A Yams error as a `routes.yaml-syntax` error at its mark.
    static func syntaxError(_ error: any Error, file: String) -> RoutesError {
        guard let yamlError = error as? YamlError else {
            return RoutesError(.syntax, "not valid YAML: \(error)", file: file)
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var detail = context.map { "\(problem) (\($0.text))" } ?? problem
            if detail.contains("alias") { detail += "; a value starting with '*' must be quoted, e.g. \"**.failed\"" }
            return RoutesError(.syntax, "not valid YAML: \(detail)", file: file, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return RoutesError(.syntax, "key \(keys) appears more than once in this mapping", file: file, line: context.mark.line, column: context.mark.column)
        case .reader(let problem, _, _, _):
            return RoutesError(.syntax, "not valid YAML: \(problem)", file: file)
        default:
            return RoutesError(.syntax, "not valid YAML: \(yamlError)", file: file)
        }
    }
}
