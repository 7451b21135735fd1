import Testing
@testable import ZeroMQ

@Suite("ZAP handler replies (RFC 27 framing)")
struct ZAPReplyTests {
    static let logger = TestSockets.quietLogger
    static let key = [UInt8](repeating: 7, count: 32)

    /// A well-formed CURVE request as libzmq sends it (after the REP envelope is stripped).
    static func request(version: String = "1.0", credentials: [[UInt8]] = [key]) -> [[UInt8]] {
        [.utf8(version), .utf8("req-1"), .utf8("gerbang"), .utf8("127.0.0.1"), [], .utf8("CURVE")] + credentials
    }

    @Test("an allowed request answers 200 with the user id, echoing the request id")
    func allow() {
        let reply = ZAPHandler.reply(to: Self.request(), logger: Self.logger) { request in
            request.clientPublicKey?.bytes == Self.key ? .allow(userID: "agency-a") : .deny(reason: "no")
        }
        #expect(reply == [.utf8("1.0"), .utf8("req-1"), .utf8("200"), .utf8("OK"), .utf8("agency-a"), []])
    }

    @Test("a denied request answers 400 with the reason and no user id")
    func deny() {
        let reply = ZAPHandler.reply(to: Self.request(), logger: Self.logger) { _ in .deny(reason: "unknown key") }
        #expect(reply == [.utf8("1.0"), .utf8("req-1"), .utf8("400"), .utf8("unknown key"), [], []])
    }

    @Test("malformed requests answer 500 without asking the authorizer", arguments: [
        request(version: "2.0"),
        request(credentials: []),
        request(credentials: [[UInt8](repeating: 1, count: 31)]),
        [[UInt8]](repeating: [], count: 3),
    ])
    func malformed(frames: [[UInt8]]) {
        let asked = Recorder<Bool>()
        let reply = ZAPHandler.reply(to: frames, logger: Self.logger) { _ in
            asked.append(true)
            return .allow(userID: "should-not-happen")
        }
        #expect(reply.count == 6)
        #expect(reply[2] == .utf8("500"))
        #expect(asked.all.isEmpty)
    }
}
