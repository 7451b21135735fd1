import Envelope
import GerbangJSON
@testable import HTTPGateway
import Testing

@Suite struct CloudEventHTTPDecoderTests {
    static let structured = """
        {"specversion":"1.0","id":"e-1","source":"urn:gerbang:agency:bpjs-kesehatan:vclaim","type":"health.insurance.membership.changed",
         "datacontenttype":"application/json","data":{"memberNumber":"0001876543219"}}
        """

    @Test func structuredModeCarriesTheWholeEvent() throws {
        let request = HTTPRequest(method: "POST", target: "/events", headers: HTTPHeaders([("Content-Type", "application/cloudevents+json; charset=utf-8")]),
                                  body: Array(Self.structured.utf8))
        let (event, mode) = try CloudEventHTTPDecoder.event(from: request)
        #expect(mode == .structured)
        #expect(event.id == "e-1")
        #expect(event.data == .object(JSONObject(["memberNumber": .string("0001876543219")])))
    }

    @Test func binaryModeMapsCeHeadersContentTypeAndBody() throws {
        let request = HTTPRequest(method: "POST", target: "/events", headers: HTTPHeaders([
            ("ce-specversion", "1.0"), ("CE-ID", "e-2"), ("ce-source", "/agencies/bpjs-kesehatan"),
            ("ce-type", "health.insurance.membership.changed"), ("ce-subject", "Kartu%20Indonesia%20Sehat%20%E2%9C%93"),
            ("Content-Type", "application/json"),
        ]), body: Array("{\"careClass\":3}".utf8))
        let (event, mode) = try CloudEventHTTPDecoder.event(from: request)
        #expect(mode == .binary)
        #expect(event.id == "e-2")
        #expect(event.source == "/agencies/bpjs-kesehatan")
        #expect(event.subject == "Kartu Indonesia Sehat ✓")
        #expect(event.datacontenttype == "application/json")
        #expect(event.data == .object(JSONObject(["careClass": .number(JSONNumber(3))])))
    }

    @Test func binaryModeWithANonJSONBodyCarriesBase64Data() throws {
        let request = HTTPRequest(method: "POST", target: "/events", headers: HTTPHeaders([
            ("ce-specversion", "1.0"), ("ce-id", "e-3"), ("ce-source", "/agencies/x"), ("ce-type", "t.x"), ("Content-Type", "text/plain"),
        ]), body: Array("hi".utf8))
        let (event, _) = try CloudEventHTTPDecoder.event(from: request)
        #expect(event.binaryData == Array("hi".utf8))
    }

    @Test(arguments: [
        // (headers, body, status, reason)
        ([("ce-specversion", "1.0"), ("ce-source", "/agencies/x"), ("ce-type", "t.x")], "", 400, "envelope.missing-attribute"),
        ([("ce-specversion", "1.0"), ("ce-id", "a"), ("ce-source", "/agencies/x"), ("ce-type", "t.x"), ("Content-Type", "application/json")],
         "{nope", 400, "gateway.invalid-binary-event"),
        ([("ce-specversion", "1.0"), ("ce-id", "%zz"), ("ce-source", "/agencies/x"), ("ce-type", "t.x")], "", 400, "gateway.invalid-binary-event"),
        ([("Content-Type", "application/json")], "{}", 415, "gateway.unsupported-media-type"),
        ([("Content-Type", "application/cloudevents-batch+json")], "[]", 415, "gateway.batch-unsupported"),
        ([("Content-Type", "application/cloudevents+json")], "{\"specversion\":\"1.0\",\"id\":1,\"source\":\"/a\",\"type\":\"t\"}", 400, "envelope.wrong-type"),
        ([("Content-Type", "application/cloudevents+json")], "[1,", 400, "envelope.invalid-json"),
    ] as [([(String, String)], String, Int, String)])
    func badEventsAreRefusedWithStatusAndReason(headers: [(String, String)], body: String, status: Int, reason: String) {
        let request = HTTPRequest(method: "POST", target: "/events", headers: HTTPHeaders(headers.map { (name: $0.0, value: $0.1) }),
                                  body: Array(body.utf8))
        do {
            _ = try CloudEventHTTPDecoder.event(from: request)
            Issue.record("accepted")
        } catch {
            #expect(error.status == status)
            #expect(error.reason == reason)
        }
    }

    @Test func anOversizedEventIs413() {
        let request = HTTPRequest(method: "POST", target: "/events", headers: HTTPHeaders([("Content-Type", "application/cloudevents+json")]),
                                  body: Array(Self.structured.utf8))
        do {
            _ = try CloudEventHTTPDecoder.event(from: request, limits: EnvelopeLimits(maxEventBytes: 64))
            Issue.record("accepted")
        } catch {
            #expect(error.status == 413)
        }
    }
}
