import GerbangJSON

extension SchemaRegistry {
    /// Adds the catalogue's reason to a failed `format` of its own (`nik`, `kk`, `kode-wilayah…`):
    /// the validator only says "must be a valid nik"; this says which rule failed
    /// (`nik.invalid-date`, …). Runs only for rejected events, so valid ones pay nothing.
    func addingFormatDetail(_ error: EventValidationError, event: JSONValue) -> EventValidationError {
        guard error.keyword == "format",
              let text = Self.value(at: error.instanceLocation, in: event)?.stringValue,
              let violation = formatViolation(of: text, message: error.message)
        else { return error }
        var detailed = error
        detailed.formatViolation = violation.reason
        detailed.message = "\(error.message): \(violation.message) (\(violation.reason.rawValue))"
        return detailed
    }

    /// The violation of the catalogue format named at the end of the validator's message.
    private func formatViolation(of text: String, message: String) -> FormatViolation? {
        guard let name = message.split(separator: " ").last.map(String.init) else { return nil }
        if name == NIKFormat.name { return NIKFormat.check(text, regions: regions) }
        if name == KKFormat.name { return KKFormat.check(text, regions: regions) }
        if name == RegionCodeFormat.anyLevelName { return RegionCodeFormat.check(text, level: nil, regions: regions) }
        for level in RegionLevel.allCases where RegionCodeFormat.name(for: level) == name {
            return RegionCodeFormat.check(text, level: level, regions: regions)
        }
        return nil
    }

    /// The value a JSON Pointer (RFC 6901) designates, or nil.
    static func value(at pointer: String, in root: JSONValue) -> JSONValue? {
        guard !pointer.isEmpty else { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var current = root
        for rawToken in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = rawToken.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }
}
