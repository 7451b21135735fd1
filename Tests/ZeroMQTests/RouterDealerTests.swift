import Foundation
import Testing
import ZeroMQ

@Suite("ROUTER/DEALER over TCP loopback")
struct RouterDealerTests {
    struct RoundTrip: Sendable, Equatable {
        var receivedByRouter: [String: [String]] = [:]
        var replyToB: [String] = []
        var aHadNothing = false
    }

    @Test("multipart round trip carries routing ids both ways")
    func multipartRoundTrip() async throws {
        let outcome = try await IOThread.run { () throws -> RoundTrip in
            let context = try Context()
            let (router, endpoint) = try TestSockets.bound(.router, context)
            let dealerA = try TestSockets.make(.dealer, context)
            try dealerA.set(.routingID, .utf8("agency-a"))
            try dealerA.connect(endpoint)
            let dealerB = try TestSockets.make(.dealer, context)
            try dealerB.set(.routingID, .utf8("agency-b"))
            try dealerB.connect(endpoint)

            try dealerA.send(multipart: [.utf8("hello"), .utf8("from A")])
            try dealerB.send(multipart: [.utf8("hello"), .utf8("from B"), []])
            var outcome = RoundTrip()
            for _ in 0..<2 {
                let frames = try router.receiveMultipart()
                outcome.receivedByRouter[frames[0].string] = frames.dropFirst().map(\.string)
            }
            try router.send(multipart: [.utf8("agency-b"), .utf8("reply"), [], .utf8("end")])
            outcome.replyToB = try dealerB.receiveMultipart().map(\.string)
            outcome.aHadNothing = TestSockets.error { _ = try dealerA.receive(flags: .dontWait) }?.wouldBlock ?? false
            return outcome
        }
        #expect(outcome.receivedByRouter == ["agency-a": ["hello", "from A"], "agency-b": ["hello", "from B", ""]])
        #expect(outcome.replyToB == ["reply", "", "end"])
        #expect(outcome.aHadNothing)
    }

    @Test("a ROUTER send to a peer that never connected fails with host-unreachable")
    func sendToUnknownPeer() async throws {
        let error = try await IOThread.run { () throws -> ZMQError? in
            let context = try Context()
            let (router, _) = try TestSockets.bound(.router, context)
            return TestSockets.error { try router.send(multipart: [.utf8("nobody"), .utf8("lost?")]) }
        }
        #expect(error?.reason == .hostUnreachable)
        #expect(error?.call == "zmq_send")
    }

    struct GonePeer: Sendable {
        var firstMessage = ""
        var sawDisconnect = false
        var sendError: ZMQError?
    }

    @Test("a ROUTER send to a peer that went away reports an error instead of vanishing")
    func sendToGonePeer() async throws {
        let outcome = try await IOThread.run { () throws -> GonePeer in
            let context = try Context()
            let (router, endpoint) = try TestSockets.bound(.router, context)
            let events = try Recorder(monitoring: router, MonitorEvent.Kinds(.disconnected))
            var outcome = GonePeer()
            do {
                let dealer = try TestSockets.make(.dealer, context)
                try dealer.set(.routingID, .utf8("leaving"))
                try dealer.connect(endpoint)
                try dealer.send(.utf8("hello"))
                outcome.firstMessage = try router.receiveMultipart().map(\.string).joined(separator: "|")
            }  // the dealer is closed here
            outcome.sawDisconnect = events.waitForItem(timeout: .seconds(3)) { $0.kind == .disconnected } != nil
            // The ROUTER learns that the pipe is gone when it next processes commands; retry
            // briefly until the send is refused (bounded: 100 attempts, 20 ms apart).
            for _ in 0..<100 {
                outcome.sendError = TestSockets.error {
                    try router.send(multipart: [.utf8("leaving"), .utf8("are you there?")])
                }
                if outcome.sendError != nil { break }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return outcome
        }
        #expect(outcome.firstMessage == "leaving|hello")
        #expect(outcome.sawDisconnect)
        #expect(outcome.sendError?.reason == .hostUnreachable)
    }

    @Test("multipart messages above the frame limit are drained and refused")
    func frameLimit() async throws {
        struct Outcome: Sendable { var error: ZMQError?; var next: [String] = [] }
        let outcome = try await IOThread.run { () throws -> Outcome in
            let context = try Context()
            let (pull, endpoint) = try TestSockets.bound(.pull, context)
            let push = try TestSockets.make(.push, context)
            try push.connect(endpoint)
            try push.send(multipart: [.utf8("1"), .utf8("2"), .utf8("3"), .utf8("4")])
            try push.send(multipart: [.utf8("next"), .utf8("message")])
            var outcome = Outcome()
            outcome.error = TestSockets.error { _ = try pull.receiveMultipart(maximumFrames: 2) }
            outcome.next = try pull.receiveMultipart(maximumFrames: 2).map(\.string)
            return outcome
        }
        #expect(outcome.error?.reason == .tooManyFrames)
        #expect(outcome.next == ["next", "message"])
    }
}
