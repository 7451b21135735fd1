import Testing
import ZeroMQ

@Suite("Message")
struct MessageTests {
    struct Outcome: Sendable {
        var sizeAfterSend = -1
        var received: [UInt8] = []
        var hasMore = true
        var socketType: String?
        var userID: String? = "unset"
        var reusedSecond = ""
    }

    @Test("a message is handed to libzmq without copying, and received bytes are lent in place")
    func sendAndReceive() async throws {
        let outcome = try await IOThread.run { () throws -> Outcome in
            let context = try Context()
            let (pull, endpoint) = try TestSockets.bound(.pull, context)
            let push = try TestSockets.make(.push, context)
            try push.connect(endpoint)
            let outgoing = try Message([UInt8](1...200))
            try push.send(outgoing)
            try push.send(.utf8("second"))

            var outcome = Outcome(sizeAfterSend: outgoing.count)
            let incoming = Message()
            try pull.receive(into: incoming)
            outcome.received = incoming.withUnsafeBytes { Array($0) }
            outcome.hasMore = incoming.hasMore
            outcome.socketType = incoming.gets("Socket-Type")
            outcome.userID = incoming.userID
            try pull.receive(into: incoming)  // reuse: the first content is released
            outcome.reusedSecond = incoming.string
            return outcome
        }
        #expect(outcome.sizeAfterSend == 0)
        #expect(outcome.received == [UInt8](1...200))
        #expect(!outcome.hasMore)
        #expect(outcome.socketType == "PUSH")
        #expect(outcome.userID == nil)  // NULL mechanism, no ZAP: no User-Id
        #expect(outcome.reusedSecond == "second")
    }
}
