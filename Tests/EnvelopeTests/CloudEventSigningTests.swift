import Envelope
import GerbangJSON
import Testing

@Suite("CloudEvent signing payload and building")
struct CloudEventSigningTests {
    @Test func signingPayloadIsCanonicalAndExcludesTheSignature() throws {
        let event = try CloudEvent(parsing: sampleEvent)
        let payload = String(decoding: try event.signingPayload(), as: UTF8.self)
        #expect(!payload.contains("gerbangjws"))
        #expect(payload.hasPrefix(#"{"causationid":"a9e8d7c6-b5a4-4321-8765-43210fedcba9","correlationid":"#))
        #expect(payload.contains(#""data":{"child":{"birthDate":"2026-11-20","name":"Siti Aminah","weightKg":3.2},"fees":[0,1500,0]}"#))
        #expect(payload.hasSuffix(#""type":"population.birth.registered","urgent":false}"#))

        var unsigned = event
        unsigned.signature = nil
        #expect(unsigned.signature == nil)
        #expect(try unsigned.signingPayload() == event.signingPayload())
        var resigned = unsigned
        resigned.signature = "other..sig"
        #expect(try resigned.signingPayload() == event.signingPayload())
        #expect(resigned.serializedString().hasSuffix(#""gerbangjws":"other..sig"}"#))
    }

    @Test func signatureSetterReplacesInPlace() throws {
        var event = try CloudEvent(parsing: sampleEvent)
        let keysBefore = event.object.keys
        event.signature = "new..sig"
        #expect(event.object.keys == keysBefore)
        #expect(try CloudEvent(parsing: event.serializedBytes()).signature == "new..sig")
    }

    @Test func payloadChangesWhenAnythingElseChanges() throws {
        let event = try CloudEvent(parsing: sampleEvent)
        var changed = event
        try changed.setAttribute("subject", to: .string("birth/other"))
        #expect(try changed.signingPayload() != event.signingPayload())
        #expect(try event.replacingData(with: .null).signingPayload() != event.signingPayload())
    }

    @Test func outOfRangeNumbersCannotBeSigned() throws {
        let event = try CloudEvent(parsing: #"{"specversion":"1.0","id":"1","source":"/x","type":"t","data":{"n":1e999}}"#)
        #expect(throws: EnvelopeError.self) { try event.signingPayload() }
        do {
            _ = try event.signingPayload()
        } catch {
            #expect(error.reason == .notCanonicalizable)
        }
    }

    @Test func buildsEventsInCode() throws {
        let event = try CloudEvent(
            id: "e-1", source: "urn:agency:kemensos", type: "socialaid.beneficiary.enrolled",
            time: "2026-11-29T03:00:00Z",
            dataschema: "https://schemas.gerbang.go.id/socialaid.beneficiary.enrolled/1.0.0",
            correlationid: "c-9",
            extensions: ["retrycount": .integer(0), "channel": .string("batch")],
            data: .object(JSONObject(["program": .string("PKH"), "amount": .number(JSONNumber(750_000))]))
        )
        #expect(event.serializedString() == #"{"specversion":"1.0","id":"e-1","source":"urn:agency:kemensos","type":"socialaid.beneficiary.enrolled","time":"2026-11-29T03:00:00Z","dataschema":"https://schemas.gerbang.go.id/socialaid.beneficiary.enrolled/1.0.0","correlationid":"c-9","retrycount":0,"channel":"batch","data":{"program":"PKH","amount":750000}}"#)
        #expect(try CloudEvent(parsing: event.serializedBytes()) == event)

        let binary = try CloudEvent(id: "e-2", source: "/x", type: "t", binaryData: [0, 1, 2, 250])
        #expect(binary.dataBase64 == "AAEC+g==")
        #expect(binary.binaryData == [0, 1, 2, 250])
    }

    @Test func buildingChecksTheRules() {
        #expect(throws: EnvelopeError.self) { try CloudEvent(id: "", source: "/x", type: "t") }
        #expect(throws: EnvelopeError.self) { try CloudEvent(id: "1", source: "/x", type: "t", time: "yesterday") }
        #expect(throws: EnvelopeError.self) {
            try CloudEvent(id: "1", source: "/x", type: "t", data: .null, binaryData: [1])
        }
        #expect(throws: EnvelopeError.self) {
            try CloudEvent(id: "1", source: "/x", type: "t", extensions: ["BAD": .string("x")])
        }
        #expect(throws: EnvelopeError.self) {
            try CloudEvent(id: "1", source: "/x", type: "t", correlationid: "c", extensions: ["correlationid": .string("x")])
        }
    }

    @Test func setAttributeValidates() throws {
        var event = try CloudEvent(id: "1", source: "/x", type: "t")
        try event.setAttribute("partitionkey", to: .string("p"))
        #expect(event.partitionkey == "p")
        #expect(throws: EnvelopeError.self) { try event.setAttribute("id", to: nil) }
        #expect(throws: EnvelopeError.self) { try event.setAttribute("traceparent", to: .string("nope")) }
        #expect(throws: EnvelopeError.self) { try event.setAttribute("data", to: .string("x")) }
        #expect(event.traceparent == nil)
        try event.setAttribute("partitionkey", to: nil)
        #expect(event.partitionkey == nil)
    }
}
