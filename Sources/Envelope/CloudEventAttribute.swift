/// Names of the attributes and members this module knows.
enum CloudEventAttribute {
    static let id = "id"
    static let source = "source"
    static let specversion = "specversion"
    static let type = "type"
    static let subject = "subject"
    static let time = "time"
    static let datacontenttype = "datacontenttype"
    static let dataschema = "dataschema"
    static let traceparent = "traceparent"
    static let tracestate = "tracestate"
    static let partitionkey = "partitionkey"
    static let correlationid = "correlationid"
    static let causationid = "causationid"
    static let data = "data"
    static let dataBase64 = "data_base64"

    /// The attributes every event must have.
    static let required = [id, source, specversion, type]

    /// CloudEvents core attributes and data members (everything that is not an extension).
    static let core: Set<String> = [id, source, specversion, type, subject, time, datacontenttype, dataschema, data, dataBase64]

    /// Attributes whose value must be a non-empty string, with no further syntax rule.
    static let plainStrings: Set<String> = [id, type, subject, datacontenttype, partitionkey, correlationid,
                                            causationid, CloudEvent.signatureAttribute]

    /// Longest attribute name the CloudEvents specification allows interoperably.
    static let maxNameLength = 20

    /// True for `[a-z0-9]{1,20}`.
    static func isValidName(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard !utf8.isEmpty, utf8.count <= maxNameLength else { return false }
        return utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
