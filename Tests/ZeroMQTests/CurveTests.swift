import Testing
import ZeroMQ

@Suite("CURVE with the Swift ZAP handler")
struct CurveTests {
    /// A server context whose ZAP handler admits only `allowed` (as `"agency-a"`) and records
    /// every request it sees.
    struct Server {
        let context: Context
        let router: Socket
        let endpoint: String
        let keys: CurveKeyPair
        let requests: Recorder<ZAPRequest>

        init(allowing allowed: CurvePublicKey) throws(ZMQError) {
            context = try Context()
            let requests = Recorder<ZAPRequest>()
            try context.startZAPHandler(logger: TestSockets.quietLogger) { request in
                requests.append(request)
                return request.clientPublicKey == allowed
                    ? .allow(userID: "agency-a") : .deny(reason: "unknown key")
            }
            keys = try CurveKeyPair.generate()
            router = try TestSockets.make(.router, context)
            try router.makeCurveServer(secretKey: keys.secretKey)
            endpoint = try router.bind("tcp://127.0.0.1:*")
            self.requests = requests
        }

        /// A DEALER in `context` that authenticates with `keys` against `serverKey`.
        func client(_ keys: CurveKeyPair, serverKey: CurvePublicKey, in context: Context) throws(ZMQError) -> Socket {
            let dealer = try TestSockets.make(.dealer, context)
            try dealer.makeCurveClient(keyPair: keys, serverKey: serverKey)
            return dealer
        }
    }

    struct Received: Sendable, Equatable {
        var payload: String
        var userID: String?
    }

    struct AllowedOutcome: Sendable {
        var received: [Received] = []
        var requests: [ZAPRequest] = []
        var clientKey: CurvePublicKey?
    }

    @Test("an allowed key connects and the server reads its identity on every message")
    func allowedClient() async throws {
        let outcome = try await IOThread.run { () throws -> AllowedOutcome in
            let clientKeys = try CurveKeyPair.generate()
            let server = try Server(allowing: clientKeys.publicKey)
            let clientContext = try Context()
            let client = try server.client(clientKeys, serverKey: server.keys.publicKey, in: clientContext)
            try client.connect(server.endpoint)
            for index in 1...3 { try client.send(.utf8("message \(index)")) }

            var outcome = AllowedOutcome(clientKey: clientKeys.publicKey)
            for _ in 1...3 {
                let frames = try server.router.receiveMultipart()
                let payload = frames[frames.count - 1]
                outcome.received.append(Received(payload: payload.string, userID: payload.userID))
            }
            outcome.requests = server.requests.all
            return outcome
        }
        #expect(outcome.received == (1...3).map { Received(payload: "message \($0)", userID: "agency-a") })
        #expect(outcome.requests.count == 1)
        let request = try #require(outcome.requests.first)
        #expect(request.mechanism == "CURVE")
        #expect(request.domain == "gerbang")
        #expect(request.address == "127.0.0.1")
        #expect(request.clientPublicKey == outcome.clientKey)
    }

    struct RefusedOutcome: Sendable {
        var refusal: MonitorEvent?
        var received: [Received] = []
        var deniedKeys: [CurvePublicKey?] = []
        var unknownKey: CurvePublicKey?
    }

    @Test("an unknown key is refused and none of its messages arrive")
    func unknownClientRefused() async throws {
        let outcome = try await IOThread.run { () throws -> RefusedOutcome in
            let allowedKeys = try CurveKeyPair.generate()
            let unknownKeys = try CurveKeyPair.generate()
            let server = try Server(allowing: allowedKeys.publicKey)
            let clientContext = try Context()

            let intruder = try server.client(unknownKeys, serverKey: server.keys.publicKey, in: clientContext)
            let intruderEvents = try Recorder(monitoring: intruder)
            try intruder.connect(server.endpoint)
            for index in 1...3 { try intruder.send(.utf8("intruder \(index)"), flags: .dontWait) }

            var outcome = RefusedOutcome(unknownKey: unknownKeys.publicKey)
            outcome.refusal = intruderEvents.waitForItem(timeout: .seconds(3)) { $0.isHandshakeFailure }

            let allowed = try server.client(allowedKeys, serverKey: server.keys.publicKey, in: clientContext)
            try allowed.connect(server.endpoint)
            try allowed.send(.utf8("legitimate"))
            // The first message to arrive (within the receive timeout), then anything else that
            // arrives in a bounded window after it.
            var frames = try server.router.receiveMultipart()
            while true {
                let payload = frames[frames.count - 1]
                outcome.received.append(Received(payload: payload.string, userID: payload.userID))
                guard Poller.readable(server.router, within: .milliseconds(500)) else { break }
                frames = try server.router.receiveMultipart(flags: .dontWait)
            }
            outcome.deniedKeys = server.requests.all.filter { $0.clientPublicKey != allowedKeys.publicKey }
                .map(\.clientPublicKey)
            return outcome
        }
        #expect(outcome.refusal?.kind == .handshakeFailedAuth)
        #expect(outcome.refusal?.value == 400)
        #expect(outcome.received == [Received(payload: "legitimate", userID: "agency-a")])
        #expect(!outcome.deniedKeys.isEmpty)
        #expect(outcome.deniedKeys.allSatisfy { $0 == outcome.unknownKey })
    }

    struct BindOutcome: Sendable {
        var bindError: ZMQError?
        var connectError: ZMQError?
        var rawOptionBindError: ZMQError?
        var boundWithHandler = ""
    }

    @Test("a CURVE server cannot be bound while the context has no ZAP handler")
    func curveServerNeedsZAPHandler() async throws {
        let outcome = try await IOThread.run { () throws -> BindOutcome in
            let context = try Context()
            let keys = try CurveKeyPair.generate()
            var outcome = BindOutcome()
            let server = try TestSockets.make(.router, context)
            try server.makeCurveServer(secretKey: keys.secretKey)
            outcome.bindError = TestSockets.error { try server.bind("tcp://127.0.0.1:*") }
            outcome.connectError = TestSockets.error { try server.connect("tcp://127.0.0.1:9") }

            let raw = try TestSockets.make(.router, context)  // CURVE set through the plain options
            try raw.set(.curveServer, true)
            try raw.set(.curveSecretKey, keys.secretKey.bytes)
            outcome.rawOptionBindError = TestSockets.error { try raw.bind("tcp://127.0.0.1:*") }

            try context.startZAPHandler { _ in .deny(reason: "nobody") }
            outcome.boundWithHandler = try server.bind("tcp://127.0.0.1:*")
            return outcome
        }
        #expect(outcome.bindError?.reason == .zapHandlerRequired)
        #expect(outcome.bindError?.call == "Socket.bind")
        #expect(outcome.connectError?.reason == .zapHandlerRequired)
        #expect(outcome.rawOptionBindError?.reason == .zapHandlerRequired)
        #expect(outcome.boundWithHandler.hasPrefix("tcp://127.0.0.1:"))
    }

    @Test("a second ZAP handler on one context is refused")
    func secondHandlerRefused() async throws {
        let error = try await IOThread.run { () throws -> ZMQError? in
            let context = try Context()
            try context.startZAPHandler { _ in .allow(userID: "x") }
            return TestSockets.error { try context.startZAPHandler { _ in .allow(userID: "y") } }
        }
        #expect(error?.reason == .zapHandlerAlreadyRunning)
    }

    struct WrongKeyOutcome: Sendable {
        var serverFailure: MonitorEvent?
        var anythingArrived = true
        var zapRequests = -1
    }

    @Test("a client holding the wrong server key fails the handshake")
    func wrongServerKey() async throws {
        let outcome = try await IOThread.run { () throws -> WrongKeyOutcome in
            let clientKeys = try CurveKeyPair.generate()
            let server = try Server(allowing: clientKeys.publicKey)
            let serverEvents = try Recorder(monitoring: server.router)
            let clientContext = try Context()
            let impostorServerKey = try CurveKeyPair.generate().publicKey
            let client = try server.client(clientKeys, serverKey: impostorServerKey, in: clientContext)
            try client.connect(server.endpoint)
            try client.send(.utf8("secret"), flags: .dontWait)

            var outcome = WrongKeyOutcome()
            outcome.serverFailure = serverEvents.waitForItem(timeout: .seconds(3)) { $0.isHandshakeFailure }
            outcome.anythingArrived = Poller.readable(server.router, within: .milliseconds(300))
            outcome.zapRequests = server.requests.all.count
            return outcome
        }
        let failure = try #require(outcome.serverFailure)
        #expect(failure.isHandshakeFailure)
        #expect(!outcome.anythingArrived)
        #expect(outcome.zapRequests == 0)
    }
}
