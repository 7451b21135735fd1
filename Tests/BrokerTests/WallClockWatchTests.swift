@testable import Broker
import Foundation
import Testing

/// `WallClockWatch`: wall clock against monotonic clock, with synthetic readings.
struct WallClockWatchTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let origin = ContinuousClock.now

    @Test func clocksMovingTogetherAreNoJump() {
        var watch = WallClockWatch(threshold: .seconds(2), wall: start, monotonic: origin)
        #expect(watch.jump(wall: start.addingTimeInterval(0.2), monotonic: origin + .milliseconds(200)) == nil)
        // A slow tick (the loop was busy) moves both clocks alike.
        #expect(watch.jump(wall: start.addingTimeInterval(30.2), monotonic: origin + .milliseconds(30_200)) == nil)
        // Below the threshold (NTP slewing, scheduling noise).
        #expect(watch.jump(wall: start.addingTimeInterval(31.5), monotonic: origin + .milliseconds(30_400)) == nil)
    }

    @Test func aStepOfTheWallClockIsAJumpOfItsSize() {
        var watch = WallClockWatch(threshold: .seconds(2), wall: start, monotonic: origin)
        #expect(watch.jump(wall: start.addingTimeInterval(3_600.2), monotonic: origin + .milliseconds(200)) == .seconds(3_600))
        // Measured from the new readings on.
        #expect(watch.jump(wall: start.addingTimeInterval(3_600.4), monotonic: origin + .milliseconds(400)) == nil)
        #expect(watch.jump(wall: start.addingTimeInterval(-0.6), monotonic: origin + .milliseconds(1_400)) == .milliseconds(-3_602_000))
    }

    @Test func aZeroThresholdDisablesTheDetection() {
        var watch = WallClockWatch(threshold: .zero, wall: start, monotonic: origin)
        #expect(watch.jump(wall: start.addingTimeInterval(3_600), monotonic: origin + .milliseconds(200)) == nil)
    }
}
