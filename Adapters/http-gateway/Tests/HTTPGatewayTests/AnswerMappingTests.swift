import GMP
import GerbangKit
@testable import HTTPGateway
import Testing

@Suite struct AnswerMappingTests {
    @Test(arguments: [
        (ReasonCode.schemaViolation, 400), (.schemaUnknownType, 400), (.eventMalformed, 400), (.eventClockSkew, 400),
        (.signatureInvalid, 403), (.signatureAgencyMismatch, 403), (.routeNotPermitted, 403), (.authAgencyMismatch, 403),
        (.eventTooLarge, 413), (.flowRateLimited, 429), (.flowOverloaded, 429),
        (.storeUnavailable, 503), (.brokerInternal, 503), (.sessionClosed, 503),
    ])
    func brokerReasonsMapToStatuses(code: ReasonCode, status: Int) {
        #expect(PublishAnswer.status(of: code) == status)
    }

    @Test func aRejectionCarriesTheBrokersCodes() {
        let error = GerbangClientError(.rejected, brokerReason: .schemaViolation, specificCode: "schema.keyword.pattern",
                                       location: "/data/nik", "does not match")
        let rejection = PublishAnswer.rejection(error)
        #expect(rejection.status == 400)
        let response = rejection.response
        #expect(response.field("reason") == "schema.violation")
        #expect(response.field("specificCode") == "schema.keyword.pattern")
        #expect(response.field("location") == "/data/nik")
        #expect(response.field("message") == "does not match")
    }

    @Test func unavailableBrokersAre503WithRetryAfter() {
        let rejection = PublishAnswer.rejection(GerbangClientError(.publishTimeout, "no answer"))
        #expect(rejection.status == 503)
        #expect(rejection.response.headers["retry-after"] == "5")
        #expect(PublishAnswer.rejection(GerbangClientError(.rejected, brokerReason: .flowRateLimited, "slow down")).response.headers["Retry-After"] == "1")
    }

    @Test func acceptedEventsAnswerTheReceipt() {
        let fresh = PublishAnswer.accepted(Receipt(sequence: 42, duplicate: false), eventID: "e-1")
        #expect(fresh.status == 202)
        #expect(fresh.field("sequence") == "42")
        #expect(PublishAnswer.accepted(Receipt(sequence: 42, duplicate: true), eventID: "e-1").status == 200)
    }

    @Test func webhookAnswersDecideAckRetryOrReject() {
        func outcome(_ status: Int, _ headers: [(name: String, value: String)] = []) -> DeliveryOutcome {
            WebhookClient.outcome(of: .success(HTTPResponse(status: status, headers: HTTPHeaders(headers))))
        }
        #expect(outcome(200) == .ack)
        #expect(outcome(204) == .ack)
        #expect(outcome(503, [("Retry-After", "7")]) == .retry(after: .seconds(7), reason: "webhook.http-503", message: "the webhook answered 503"))
        #expect(outcome(429) == .retry(after: nil, reason: "webhook.http-429", message: "the webhook answered 429"))
        #expect(outcome(400) == .reject(reason: "webhook.http-400", message: "the webhook refused the event with 400"))
        #expect(outcome(404) == .reject(reason: "webhook.http-404", message: "the webhook refused the event with 404"))
        let unreachable = WebhookClient.outcome(of: .failure(WebhookError(.unreachable, "refused")))
        #expect(unreachable == .retry(after: nil, reason: "webhook.unreachable", message: "refused"))
    }

    @Test func webhookURLsAreParsed() {
        let https = WebhookEndpoint(url: "https://bpjs.example.go.id/hooks/gerbang?x=1")
        #expect(https?.isTLS == true)
        #expect(https?.port == 443)
        #expect(https?.target == "/hooks/gerbang?x=1")
        #expect(WebhookEndpoint(url: "http://127.0.0.1:9590")?.target == "/")
        #expect(WebhookEndpoint(url: "ftp://x/y") == nil)
        #expect(WebhookEndpoint(url: "not a url") == nil)
    }
}
