import Testing
import ZeroMQ

@Suite("Poller")
struct PollerTests {
    struct Outcome: Sendable {
        var readyWhenIdle = -1
        var idleWait: Duration = .zero
        var readyAfterSend = -1
        var routerReadable = false
        var pullReadable = true
        var payload = ""
    }

    @Test("poll over several sockets times out when idle and reports the socket that is ready")
    func timeoutAndReadiness() async throws {
        let outcome = try await IOThread.run { () throws -> Outcome in
            let context = try Context()
            let (router, routerEndpoint) = try TestSockets.bound(.router, context)
            let (pull, _) = try TestSockets.bound(.pull, context)
            let dealer = try TestSockets.make(.dealer, context)
            try dealer.connect(routerEndpoint)

            let poller = Poller()
            let routerToken = poller.register(router)
            let pullToken = poller.register(pull)
            var outcome = Outcome()
            let clock = ContinuousClock()
            let start = clock.now
            outcome.readyWhenIdle = try poller.poll(timeout: .milliseconds(200))
            outcome.idleWait = clock.now - start

            try dealer.send(.utf8("wake up"))
            outcome.readyAfterSend = try poller.poll(timeout: .seconds(3))
            outcome.routerReadable = poller.isReadable(routerToken)
            outcome.pullReadable = poller.isReadable(pullToken)
            outcome.payload = try router.receiveMultipart(flags: .dontWait).last?.string ?? ""
            return outcome
        }
        #expect(outcome.readyWhenIdle == 0)
        #expect(outcome.idleWait >= .milliseconds(190))
        #expect(outcome.idleWait < .seconds(2))
        #expect(outcome.readyAfterSend == 1)
        #expect(outcome.routerReadable)
        #expect(!outcome.pullReadable)
        #expect(outcome.payload == "wake up")
    }

    struct WakeOutcome: Sendable {
        var wokeByWaker = false
        var routerReadable = true
        var drained = 0
        var idleAfterDrain = -1
    }

    @Test("a Waker used from several threads wakes a thread polling a ROUTER")
    func wakerWakesPoller() async throws {
        let outcome = try await IOThread.run { () throws -> WakeOutcome in
            let context = try Context()
            let (router, _) = try TestSockets.bound(.router, context)
            let wakeReceiver = try TestSockets.make(.pair, context)
            try wakeReceiver.bind("inproc://test.wake")
            let poller = Poller()
            let routerToken = poller.register(router)
            let wakeToken = poller.register(wakeReceiver)
            let waker = try Waker(context: context, endpoint: "inproc://test.wake")
            let threads = (1...3).map { index in
                IOThread.start(name: "test.waker.\(index)") { try? waker.wake() }
            }
            threads.forEach { $0.join() }

            var outcome = WakeOutcome()
            _ = try poller.poll(timeout: .seconds(3))
            outcome.wokeByWaker = poller.isReadable(wakeToken)
            outcome.routerReadable = poller.isReadable(routerToken)
            outcome.drained = try Waker.drain(wakeReceiver)
            outcome.idleAfterDrain = try poller.poll(timeout: .milliseconds(50))
            return outcome
        }
        #expect(outcome.wokeByWaker)
        #expect(!outcome.routerReadable)
        #expect(outcome.drained == 3)
        #expect(outcome.idleAfterDrain == 0)
    }
}
