import Envelope
import GerbangJSON
import Testing

/// A realistic signed event (members deliberately not in canonical order).
let sampleEvent = #"""
{
  "specversion": "1.0",
  "type": "population.birth.registered",
  "source": "urn:agency:dukcapil:3201",
  "id": "c1f4b9e2-5a7d-4f0e-9c1b-2f8e6d3a7b10",
  "time": "2026-11-29T02:15:00.125+07:00",
  "subject": "birth/3201-LU-29112026-0001",
  "datacontenttype": "application/json",
  "dataschema": "https://schemas.gerbang.go.id/population.birth.registered/1.0.0",
  "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
  "tracestate": "gerbang=00f067aa0ba902b7,congo=t61rcWkgMzE",
  "partitionkey": "3201010101010001",
  "correlationid": "6d0f9d3e-2c1b-4a7e-8f5d-9b3c1a2e4f60",
  "causationid": "a9e8d7c6-b5a4-4321-8765-43210fedcba9",
  "retrycount": 2,
  "urgent": false,
  "data": {"child": {"name": "Siti Aminah", "birthDate": "2026-11-20", "weightKg": 3.20},
           "fees": [0, 1.5e3, -0]},
  "gerbangjws": "eyJhbGciOiJFUzI1NiJ9..c2lnbmF0dXJl"
}
"""#

/// Parses `text`, expecting a rejection, and returns the error.
func envelopeError(_ text: String, limits: EnvelopeLimits = .default) -> EnvelopeError? {
    do {
        _ = try CloudEvent(parsing: text, limits: limits)
        Issue.record("expected a rejection")
        return nil
    } catch {
        return error
    }
}

@Suite("CloudEvent parsing and round trip")
struct CloudEventParsingTests {
    @Test func parsesEveryAttribute() throws {
        let event = try CloudEvent(parsing: sampleEvent)
        #expect(event.id == "c1f4b9e2-5a7d-4f0e-9c1b-2f8e6d3a7b10")
        #expect(event.source == "urn:agency:dukcapil:3201")
        #expect(event.specversion == "1.0")
        #expect(event.type == "population.birth.registered")
        #expect(event.subject == "birth/3201-LU-29112026-0001")
        #expect(event.time == "2026-11-29T02:15:00.125+07:00")
        #expect(event.datacontenttype == "application/json")
        #expect(event.dataschema == "https://schemas.gerbang.go.id/population.birth.registered/1.0.0")
        #expect(event.traceparent == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        #expect(event.tracestate == "gerbang=00f067aa0ba902b7,congo=t61rcWkgMzE")
        #expect(event.partitionkey == "3201010101010001")
        #expect(event.correlationid == "6d0f9d3e-2c1b-4a7e-8f5d-9b3c1a2e4f60")
        #expect(event.causationid == "a9e8d7c6-b5a4-4321-8765-43210fedcba9")
        #expect(event.signature == "eyJhbGciOiJFUzI1NiJ9..c2lnbmF0dXJl")
        #expect(event.attribute("retrycount") == .integer(2))
        #expect(event.attribute("urgent") == .boolean(false))
        #expect(event.extensionNames == ["traceparent", "tracestate", "partitionkey", "correlationid",
                                         "causationid", "retrycount", "urgent", "gerbangjws"])
        #expect(event.data?.objectValue?["child"]?.objectValue?["weightKg"]?.numberValue?.text == "3.20")
        #expect(CloudEvent.signatureAttribute == "gerbangjws")
    }

    @Test func roundTripsExactly() throws {
        let event = try CloudEvent(parsing: sampleEvent)
        let serialized = event.serializedBytes()
        let reparsed = try CloudEvent(parsing: serialized)
        #expect(reparsed == event)
        #expect(reparsed.serializedBytes() == serialized)
        // Member order and number text are kept; only insignificant whitespace goes.
        let compactInput = try JSONParser.parse(sampleEvent).serializedBytes()
        #expect(serialized == compactInput)
        #expect(event.serializedString().contains(#""fees":[0,1.5e3,-0]"#))
        #expect(event.serializedString().hasPrefix(#"{"specversion":"1.0","type":"population.birth.registered""#))
    }

    @Test func minimalEvent() throws {
        let event = try CloudEvent(parsing: #"{"specversion":"1.0","id":"1","source":"/x","type":"t"}"#)
        #expect(event.subject == nil)
        #expect(event.data == nil)
        #expect(event.signature == nil)
        #expect(event.extensionNames.isEmpty)
    }

    @Test func binaryData() throws {
        let event = try CloudEvent(parsing: #"{"specversion":"1.0","id":"1","source":"/x","type":"t","data_base64":"R2VyYmFuZw=="}"#)
        #expect(event.dataBase64 == "R2VyYmFuZw==")
        #expect(event.binaryData == Array("Gerbang".utf8))
    }

    @Test func parsesFromByteCollections() throws {
        let bytes = Array(sampleEvent.utf8)
        #expect(try CloudEvent(parsing: bytes) == CloudEvent(parsing: bytes[...]))
    }
}

@Suite("CloudEvent rejections")
struct CloudEventRejectionTests {
    static let base = #""specversion":"1.0","id":"1","source":"/x","type":"t""#

    @Test(arguments: ["id", "source", "specversion", "type"])
    func missingRequiredAttribute(name: String) throws {
        var object = try #require(try JSONParser.parse("{\(Self.base)}").objectValue)
        object[name] = nil
        let error = envelopeError(object.serializedString())
        #expect(error?.reason == .missingAttribute)
        #expect(error?.attribute == name)
    }

    @Test(arguments: [
        (#"{"specversion":"1.0","id":1,"source":"/x","type":"t"}"#, EnvelopeError.Reason.wrongType, "id"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":null}"#, .wrongType, "type"),
        (#"{"specversion":1.0,"id":"1","source":"/x","type":"t"}"#, .wrongType, "specversion"),
        (#"{"specversion":"0.3","id":"1","source":"/x","type":"t"}"#, .invalidSpecVersion, "specversion"),
        (#"{"specversion":"1.0","id":"","source":"/x","type":"t"}"#, .invalidAttributeValue, "id"),
        (#"{"specversion":"1.0","id":"1","source":"not a uri","type":"t"}"#, .invalidAttributeValue, "source"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","dataschema":"/relative"}"#, .invalidAttributeValue, "dataschema"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","time":"2026-02-29T00:00:00Z"}"#, .invalidAttributeValue, "time"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","time":"2026-11-29 02:15:00Z"}"#, .invalidAttributeValue, "time"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","time":"2026-11-29T02:15:00"}"#, .invalidAttributeValue, "time"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","traceparent":"00-00000000000000000000000000000000-00f067aa0ba902b7-01"}"#, .invalidAttributeValue, "traceparent"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","traceparent":"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"}"#, .invalidAttributeValue, "traceparent"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","traceparent":"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}"#, .invalidAttributeValue, "traceparent"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x"}"#, .invalidAttributeValue, "traceparent"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","tracestate":"Upper=1"}"#, .invalidAttributeValue, "tracestate"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","tracestate":"a=b=c"}"#, .invalidAttributeValue, "tracestate"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","gerbangjws":7}"#, .wrongType, "gerbangjws"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","correlationid":true}"#, .wrongType, "correlationid"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","Upper":"x"}"#, .invalidAttributeName, "Upper"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","trace_id":"x"}"#, .invalidAttributeName, "trace_id"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","abcdefghijklmnopqrstu":"x"}"#, .invalidAttributeName, "abcdefghijklmnopqrstu"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","":"x"}"#, .invalidAttributeName, ""),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","ext":{"a":1}}"#, .wrongType, "ext"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","ext":[1]}"#, .wrongType, "ext"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","ext":1.5}"#, .wrongType, "ext"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","ext":2147483648}"#, .wrongType, "ext"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","ext":null}"#, .wrongType, "ext"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","data":{},"data_base64":"AA=="}"#, .dataConflict, "data_base64"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","data_base64":"not base64"}"#, .invalidAttributeValue, "data_base64"),
        (#"{"specversion":"1.0","id":"1","source":"/x","type":"t","data_base64":"AAA"}"#, .invalidAttributeValue, "data_base64"),
    ])
    func rejects(text: String, reason: EnvelopeError.Reason, attribute: String) {
        let error = envelopeError(text)
        #expect(error?.reason == reason, "\(text)")
        #expect(error?.attribute == attribute, "\(text)")
    }

    @Test func acceptsBoundaryValues() throws {
        let accepted = [
            #""time":"2024-02-29T23:59:60.5z""#,
            #""time":"2026-11-29T02:15:00-00:30""#,
            #""ext":-2147483648"#,
            #""abcdefghijklmnopqrst":"twenty chars""#,
            #""traceparent":"01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future""#,
            #""tracestate":"tenant@vendor=v1, , b=2""#,
            #""dataschema":"urn:gerbang:schema:x""#,
            #""data":null"#,
            #""data_base64":"""#,
        ]
        for member in accepted {
            #expect(throws: Never.self, "\(member)") { try CloudEvent(parsing: "{\(Self.base),\(member)}") }
        }
    }

    @Test func invalidJSONCarriesTheParserReason() throws {
        let duplicate = try #require(envelopeError(#"{"specversion":"1.0","id":"1","id":"2","source":"/x","type":"t"}"#))
        #expect(duplicate.reason == .invalidJSON)
        #expect(duplicate.jsonError?.reason == .duplicateKey)
        #expect(duplicate.jsonError?.offset == 30)
        #expect(envelopeError("[1]")?.reason == .notAnObject)
        let deep = String(repeating: "[", count: 100_000)
        #expect(envelopeError(#"{"data":\#(deep)"#)?.jsonError?.reason == .tooDeep)
    }

    @Test func sizeLimitIsConfigurable() throws {
        let padded = #"{\#(Self.base),"data":"\#(String(repeating: "x", count: 300 * 1024))"}"#
        let error = envelopeError(padded)
        #expect(error?.reason == .tooLarge)
        #expect(error?.attribute == nil)
        let roomy = EnvelopeLimits(maxEventBytes: 512 * 1024)
        #expect(throws: Never.self) { try CloudEvent(parsing: padded, limits: roomy) }
        #expect(envelopeError("{\(Self.base)}", limits: EnvelopeLimits(maxEventBytes: 10))?.reason == .tooLarge)
    }

    @Test func reasonCodesAreStable() {
        #expect(EnvelopeError.Reason.missingAttribute.rawValue == "envelope.missing-attribute")
        #expect(EnvelopeError.Reason.wrongType.rawValue == "envelope.wrong-type")
        #expect(EnvelopeError.Reason.invalidAttributeName.rawValue == "envelope.invalid-attribute-name")
        #expect(EnvelopeError.Reason.dataConflict.rawValue == "envelope.data-conflict")
        #expect(EnvelopeError.Reason.tooLarge.rawValue == "envelope.too-large")
        #expect(EnvelopeError.Reason.invalidSpecVersion.rawValue == "envelope.invalid-specversion")
        #expect(EnvelopeError.Reason.invalidJSON.rawValue == "envelope.invalid-json")
    }
}
