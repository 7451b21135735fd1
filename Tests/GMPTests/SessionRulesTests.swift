import GMP
import Testing

@Suite("GMP/1 session rules")
struct SessionRulesTests {
    let start = ContinuousClock.now

    @Test("a silent side owes a heartbeat after one interval")
    func heartbeatDue() {
        var heartbeat = GMPHeartbeat(intervalMilliseconds: 5000, liveness: 3, now: start)
        #expect(!heartbeat.isHeartbeatDue(at: start + .milliseconds(4999)))
        #expect(heartbeat.isHeartbeatDue(at: start + .milliseconds(5000)))
        heartbeat.didSend(at: start + .milliseconds(4000))
        #expect(!heartbeat.isHeartbeatDue(at: start + .milliseconds(8999)))
        #expect(heartbeat.isHeartbeatDue(at: start + .milliseconds(9000)))
    }

    @Test("the peer is gone after liveness × interval without any message, and any message revives it")
    func peerGone() {
        var heartbeat = GMPHeartbeat(intervalMilliseconds: 1000, liveness: 3, now: start)
        #expect(!heartbeat.isPeerGone(at: start + .milliseconds(2999)))
        #expect(heartbeat.isPeerGone(at: start + .milliseconds(3000)))
        heartbeat.didReceive(at: start + .milliseconds(2500))
        #expect(!heartbeat.isPeerGone(at: start + .milliseconds(5499)))
        #expect(heartbeat.isPeerGone(at: start + .milliseconds(5500)))
        // An older timestamp never moves the timer back.
        heartbeat.didReceive(at: start)
        #expect(heartbeat.peerDeadline == start + .milliseconds(5500))
    }

    @Test("the next deadline is the earlier of the heartbeat and the peer's deadline")
    func nextDeadline() throws {
        let welcome = try #require(
            try? GMPMessage(decoding: [
                [0x47, 0x4D, 0x50, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0x03, 0xE8, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1],
                Array("gerbangd".utf8),
            ]))
        guard case .welcome(let values) = welcome else {
            Issue.record("not a WELCOME")
            return
        }
        var heartbeat = GMPHeartbeat(values, now: start)
        #expect(heartbeat.interval == .milliseconds(1000))
        #expect(heartbeat.liveness == 2)
        #expect(heartbeat.nextDeadline == start + .milliseconds(1000))
        heartbeat.didSend(at: start + .milliseconds(1500))
        #expect(heartbeat.nextDeadline == start + .milliseconds(2000))
    }

    @Test("without a session, HELLO opens one, adapter commands need HELLO, liveness and errors are ignored")
    func withoutSession() {
        #expect(GMPCommand.hello.withoutSession == .openSession)
        for command in [GMPCommand.publish, .ack, .nack, .credit] {
            #expect(command.withoutSession == .answerHelloRequired)
        }
        for command in [GMPCommand.heartbeat, .bye, .error] {
            #expect(command.withoutSession == .ignore)
        }
        for command in GMPCommand.allCases where !command.senders.contains(.adapter) {
            #expect(command.withoutSession == .answerUnexpected)
        }
    }
}
