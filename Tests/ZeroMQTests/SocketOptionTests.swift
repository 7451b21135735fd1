import Testing
import ZeroMQ

@Suite("Socket options and defaults")
struct SocketOptionTests {
    struct Readback: Sendable, Equatable {
        var routerLinger: Int32 = 0
        var routerSendTimeout: Int32 = 0
        var dealerSendTimeout: Int32 = 0
        var highWaterMarks: [Int32] = []
        var heartbeats: [Int32] = []
        var maximumMessageSize: Int64 = 0
        var immediate = false
        var routingID = ""
        var zapDomain = ""
        var mechanismAfterCurveClient: Int32 = 0
    }

    @Test("defaults are applied and options read back what was set")
    func readBack() async throws {
        let readback = try await IOThread.run { () throws -> Readback in
            let context = try Context()
            let router = try Socket(.router, context: context)
            let dealer = try Socket(.dealer, context: context)
            var readback = Readback()
            readback.routerLinger = try router.get(.lingerMilliseconds)
            readback.routerSendTimeout = try router.get(.sendTimeoutMilliseconds)
            readback.dealerSendTimeout = try dealer.get(.sendTimeoutMilliseconds)
            try router.set(.routerMandatory, true)

            try dealer.set(.sendHighWaterMark, 7)
            try dealer.set(.receiveHighWaterMark, 9)
            readback.highWaterMarks = [try dealer.get(.sendHighWaterMark), try dealer.get(.receiveHighWaterMark)]
            try dealer.set(.heartbeatIntervalMilliseconds, 1000)
            try dealer.set(.heartbeatTimeoutMilliseconds, 3000)
            try dealer.set(.heartbeatTTLMilliseconds, 6000)
            readback.heartbeats = [
                try dealer.get(.heartbeatIntervalMilliseconds), try dealer.get(.heartbeatTimeoutMilliseconds),
                try dealer.get(.heartbeatTTLMilliseconds),
            ]
            try dealer.set(.maximumMessageSize, 65536)
            readback.maximumMessageSize = try dealer.get(.maximumMessageSize)
            try dealer.set(.immediate, true)
            readback.immediate = try dealer.get(.immediate)
            try dealer.set(.routingID, .utf8("agency-a"))
            readback.routingID = String(decoding: try dealer.get(.routingID), as: UTF8.self)
            try dealer.set(.zapDomain, "gerbang")
            readback.zapDomain = try dealer.get(.zapDomain)
            let keys = try CurveKeyPair.generate()
            try dealer.makeCurveClient(keyPair: keys, serverKey: try CurveKeyPair.generate().publicKey)
            readback.mechanismAfterCurveClient = try dealer.get(.mechanism)
            return readback
        }
        #expect(readback.routerLinger == 1000)
        #expect(readback.routerSendTimeout == 1000)
        #expect(readback.dealerSendTimeout == -1)
        #expect(readback.highWaterMarks == [7, 9])
        #expect(readback.heartbeats == [1000, 3000, 6000])
        #expect(readback.maximumMessageSize == 65536)
        #expect(readback.immediate)
        #expect(readback.routingID == "agency-a")
        #expect(readback.zapDomain == "gerbang")
        #expect(readback.mechanismAfterCurveClient == 2)  // ZMQ_CURVE
    }

    struct SizeOutcome: Sendable {
        var received: [Int] = []
    }

    @Test("a peer exceeding the maximum message size is cut off and its message never arrives")
    func maximumMessageSize() async throws {
        let outcome = try await IOThread.run { () throws -> SizeOutcome in
            let context = try Context()
            let router = try TestSockets.make(.router, context)
            try router.set(.maximumMessageSize, 1024)
            let endpoint = try router.bind("tcp://127.0.0.1:*")
            let dealer = try TestSockets.make(.dealer, context)
            try dealer.connect(endpoint)
            try dealer.send([UInt8](repeating: 1, count: 100))
            try dealer.send([UInt8](repeating: 2, count: 4096))
            var outcome = SizeOutcome()
            var frames = try router.receiveMultipart()  // the first, within the receive timeout
            while true {
                outcome.received.append(frames[frames.count - 1].count)
                guard Poller.readable(router, within: .milliseconds(500)) else { break }
                frames = try router.receiveMultipart(flags: .dontWait)
            }
            return outcome
        }
        #expect(outcome.received == [100])
    }

    @Test("errors carry the reason, errno, failing call and libzmq's message")
    func errorShape() async throws {
        let error = try await IOThread.run { () throws -> ZMQError? in
            let context = try Context()
            let socket = try Socket(.dealer, context: context)
            return TestSockets.error { try socket.bind("nonsense://endpoint") }
        }
        let failure = try #require(error)
        #expect(failure.call == "zmq_bind")
        #expect(failure.errno != 0)
        #expect(!failure.message.isEmpty)
        #expect(failure.description.contains("zmq_bind"))
    }
}
