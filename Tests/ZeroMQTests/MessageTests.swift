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

    struct Forwarded: Sendable {
        var frames: [String] = []
        var leftEmpty = false
    }

    @Test("received frames are forwarded to another socket without copying")
    func forwardFrames() async throws {
        let outcome = try await IOThread.run { () throws -> Forwarded in
            let context = try Context()
            let (router, routerEndpoint) = try TestSockets.bound(.router, context)
            let (sink, sinkEndpoint) = try TestSockets.bound(.pull, context)
            let dealer = try TestSockets.make(.dealer, context)
            try dealer.connect(routerEndpoint)
            let push = try TestSockets.make(.push, context)
            try push.connect(sinkEndpoint)
            try dealer.send(multipart: [.utf8("envelope"), .utf8("payload")])

            let frames = try router.receiveMultipart()
            try push.send(multipart: Array(frames.dropFirst()))  // drop the routing id
            var outcome = Forwarded()
            outcome.leftEmpty = frames.dropFirst().allSatisfy { $0.count == 0 }
            outcome.frames = try sink.receiveMultipart().map(\.string)
            return outcome
        }
        #expect(outcome.frames == ["envelope", "payload"])
        #expect(outcome.leftEmpty)
    }
}
