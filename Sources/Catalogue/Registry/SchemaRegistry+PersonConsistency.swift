import GerbangJSON

extension SchemaRegistry {
    /// The deepest object nesting in `data` that the consistency check visits (events are
    /// shallow; the envelope parser bounds nesting at 64 anyway).
    static let maxConsistencyDepth = 32

    /// Errors for every object in `data` that has a `nik` together with a `birthDate` or `sex`
    /// that disagrees with it: the NIK's digits 7-12 are the birth date DDMMYY with 40 added to the
    /// day for women. JSON Schema cannot compare two fields, so the registry does it after the
    /// schema accepted the event (the NIK is then known to be well formed).
    func personConsistencyErrors(in event: JSONValue) -> [EventValidationError] {
        guard let data = event.objectValue?["data"] else { return [] }
        var errors: [EventValidationError] = []
        var path = ["data"]
        visit(data, path: &path, depth: 0, errors: &errors)
        return errors
    }

    private func visit(_ value: JSONValue, path: inout [String], depth: Int, errors: inout [EventValidationError]) {
        guard depth < Self.maxConsistencyDepth else { return }
        switch value {
        case .object(let object):
            if let nik = object["nik"]?.stringValue { check(object, nik: nik, path: path, errors: &errors) }
            for member in object where member.value.objectValue != nil || member.value.arrayValue != nil {
                path.append(member.key)
                visit(member.value, path: &path, depth: depth + 1, errors: &errors)
                path.removeLast()
            }
        case .array(let items):
            for (index, item) in items.enumerated() where item.objectValue != nil {
                path.append(String(index))
                visit(item, path: &path, depth: depth + 1, errors: &errors)
                path.removeLast()
            }
        default:
            return
        }
    }

    private func check(_ person: JSONObject, nik: String, path: [String], errors: inout [EventValidationError]) {
        guard case .success(let decoded) = NIKFormat.decode(nik, regions: regions) else { return }
        if let birthDate = person["birthDate"]?.stringValue, let date = Self.calendarDate(birthDate),
           date.year % 100 != decoded.birthYearTwoDigits || date.month != decoded.birthMonth || date.day != decoded.birthDay {
            errors.append(EventValidationError(
                reason: .nikMismatch, instanceLocation: Self.pointer(path + ["birthDate"]), keywordLocation: "",
                message: "the birth date disagrees with the NIK's digits 7-12 (DDMMYY, day + 40 for women)"))
        }
        if let sex = person["sex"]?.stringValue, sex != decoded.sex.rawValue {
            errors.append(EventValidationError(
                reason: .nikMismatch, instanceLocation: Self.pointer(path + ["sex"]), keywordLocation: "",
                message: "the sex disagrees with the NIK (40 is added to the birth day for women)"))
        }
    }

    /// Year, month and day of a `YYYY-MM-DD` date, or nil.
    static func calendarDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return (year, month, day)
    }

    /// The JSON Pointer (RFC 6901) of a path of member names and array indices.
    static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }
}
