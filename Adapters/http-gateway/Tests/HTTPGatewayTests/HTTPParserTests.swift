@testable import HTTPGateway
import Testing

@Suite struct HTTPParserTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func aCompleteRequestIsParsed() throws {
        let progress = try HTTPRequestParser.parse(bytes("POST /events?x=1 HTTP/1.1\r\nHost: a\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}"),
                                                   maxHeadBytes: 1_024, maxBodyBytes: 1_024)
        guard case .complete(let request) = progress else { Issue.record("incomplete"); return }
        #expect(request.method == "POST")
        #expect(request.path == "/events")
        #expect(request.headers["CONTENT-TYPE"] == "application/json; charset=utf-8")
        #expect(request.mediaType == "application/json")
        #expect(request.body == bytes("{}"))
    }

    @Test func anIncompleteRequestAsksForMoreAndSaysWhetherTheClientExpectsContinue() throws {
        #expect(try HTTPRequestParser.parse(bytes("POST /events HTTP/1.1\r\nHost"), maxHeadBytes: 1_024, maxBodyBytes: 1_024)
            == .incomplete(headComplete: false, expectsContinue: false))
        #expect(try HTTPRequestParser.parse(bytes("POST /events HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nab"),
                                            maxHeadBytes: 1_024, maxBodyBytes: 1_024)
            == .incomplete(headComplete: true, expectsContinue: true))
    }

    @Test(arguments: [
        ("GET /events HTTP/1.1\r\nHost: a\r\n\r\n", HTTPParseError.Reason?.none),
        ("POST /events HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", .unsupported),
        ("POST /events HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", .malformed),
        ("POST /events HTTP/1.1\r\nContent-Length: -1\r\n\r\n", .malformed),
        ("POST /events HTTP/1.1\r\nBad Header: x\r\n\r\n", .malformed),
        ("POST /events HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", .malformed),
        ("POST http://x/events HTTP/1.1\r\n\r\n", .malformed),
        ("POST /events HTTP/2.0\r\n\r\n", .malformed),
        ("POST /events HTTP/1.1\r\nContent-Length: 2000\r\n\r\n", .bodyTooLarge),
    ])
    func badRequestsAreRefusedWithTheirReason(text: String, expected: HTTPParseError.Reason?) {
        do {
            _ = try HTTPRequestParser.parse(bytes(text), maxHeadBytes: 1_024, maxBodyBytes: 1_024)
            #expect(expected == nil)
        } catch {
            #expect(error.reason == expected)
        }
    }

    @Test func anOversizedHeadIsRefusedEvenBeforeItEnds() {
        #expect(throws: HTTPParseError(.headTooLarge, "the head exceeds 64 bytes")) {
            try HTTPRequestParser.parse(bytes("POST /events HTTP/1.1\r\nX: " + String(repeating: "a", count: 100)), maxHeadBytes: 64, maxBodyBytes: 1_024)
        }
    }

    @Test func responsesAreParsedWithContentLengthOrUntilTheEnd() throws {
        let sized = try HTTPResponseParser.parse(bytes("HTTP/1.1 503 Busy\r\nRetry-After: 2\r\nContent-Length: 3\r\n\r\nabc"), atEnd: false)
        #expect(sized?.status == 503)
        #expect(sized?.headers["retry-after"] == "2")
        #expect(sized?.body == bytes("abc"))
        #expect(try HTTPResponseParser.parse(bytes("HTTP/1.1 200 OK\r\n\r\npartial"), atEnd: false) == nil)
        #expect(try HTTPResponseParser.parse(bytes("HTTP/1.1 200 OK\r\n\r\nall"), atEnd: true)?.body == bytes("all"))
        let afterContinue = try HTTPResponseParser.parse(bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"), atEnd: false)
        #expect(afterContinue?.status == 204)
        #expect(throws: HTTPParseError.self) { try HTTPResponseParser.parse(bytes("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nab"), atEnd: true) }
        #expect(throws: HTTPParseError.self) { try HTTPResponseParser.parse(bytes("SMTP ready\r\n\r\n"), atEnd: true) }
    }
}
