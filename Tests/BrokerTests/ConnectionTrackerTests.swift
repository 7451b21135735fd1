@testable import Broker
import Testing

/// The mapping from monitor events (descriptors) to ROUTER peers (routing ids), including a
/// descriptor the kernel reuses.
@Suite struct ConnectionTrackerTests {
    @Test func disconnectNamesThePeersOfThatConnectionOnly() {
        let tracker = ConnectionTracker()
        tracker.accepted(descriptor: 7)
        tracker.bind([1], descriptor: 7)
        tracker.accepted(descriptor: 8)
        tracker.bind([2], descriptor: 8)
        #expect(tracker.disconnected(descriptor: 7) == [[1]])
        #expect(!tracker.knows([1]) && tracker.knows([2]))
        #expect(tracker.disconnected(descriptor: 7).isEmpty, "reported once")
    }

    @Test func aReusedDescriptorDoesNotEndTheNewConnectionsPeer() {
        let tracker = ConnectionTracker()
        tracker.accepted(descriptor: 7)
        tracker.bind([1], descriptor: 7)
        tracker.accepted(descriptor: 9)
        tracker.bind([3], descriptor: 9)
        // Peer [1] goes, the kernel gives descriptor 7 to a new connection, whose peer [2] speaks.
        let gone = tracker.disconnected(descriptor: 7)
        tracker.accepted(descriptor: 7)
        tracker.bind([2], descriptor: 7)
        #expect(gone == [[1]])
        #expect(tracker.knows([2]))
        #expect(tracker.disconnected(descriptor: 7) == [[2]])
        #expect(tracker.count == 1)
    }

    @Test func aPeerFirstHeardAfterItsConnectionClosedIsNeverEndedWrongly() {
        let tracker = ConnectionTracker()
        // Peer [1] connected on 7 and closed; 7 was reused by [2]'s connection before the loop
        // read [1]'s only message: [1] is bound to the newest connection on 7, like [2].
        tracker.accepted(descriptor: 7)
        _ = tracker.disconnected(descriptor: 7)
        tracker.accepted(descriptor: 7)
        tracker.bind([1], descriptor: 7)
        tracker.bind([2], descriptor: 7)
        // When that connection closes, both go: [1] was gone already, [2] goes now.
        #expect(Set(tracker.disconnected(descriptor: 7)) == [[1], [2]])
        #expect(tracker.count == 0)
    }

    @Test func connectionsWithoutASessionBecomeIdleAndAreTakenOnce() {
        let tracker = ConnectionTracker()
        let start = ContinuousClock.now
        tracker.accepted(descriptor: 7, peer: PeerAddress(bytes: [7]), at: start)
        tracker.accepted(descriptor: 8, peer: PeerAddress(bytes: [8]), at: start)
        tracker.bind([1], descriptor: 8)
        tracker.sessionOpened([1])
        #expect(tracker.openCount == 2)
        // Only 7 (no session) is idle past the deadline; it is returned once.
        let idle = tracker.takeIdle(before: start + .seconds(1))
        #expect(idle.map(\.connection.descriptor) == [7])
        #expect(idle.first?.peer == PeerAddress(bytes: [7]))
        #expect(tracker.takeIdle(before: start + .seconds(2)).isEmpty)
        // 8's session ends: idle from then on, with the peer address of its accept.
        tracker.sessionEnded([1], at: start + .seconds(3))
        #expect(tracker.takeIdle(before: start + .seconds(3)).isEmpty, "not before its own timeout")
        #expect(tracker.takeIdle(before: start + .seconds(4)).map(\.peer) == [PeerAddress(bytes: [8])])
    }

    @Test func aClosedConnectionIsNeitherIdleNorOpen() {
        let tracker = ConnectionTracker()
        let start = ContinuousClock.now
        tracker.accepted(descriptor: 7, at: start)
        tracker.bind([1], descriptor: 7)
        _ = tracker.disconnected(descriptor: 7)
        tracker.sessionEnded([1], at: start)
        #expect(tracker.openCount == 0)
        #expect(tracker.takeIdle(before: start + .seconds(10)).isEmpty)
    }
}
