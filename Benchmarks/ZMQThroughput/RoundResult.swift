import Foundation

/// CPU seconds (user + system) used so far by every thread of this process.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// One round's figures: messages per wall-clock second of the timed loop, and messages per
/// CPU-second spent by the whole process (all threads, set-up and teardown included) in the round.
struct RoundResult {
    var wallRate: Double
    var cpuRate: Double
}

func measure(messages: Int, _ round: () throws -> Double) rethrows -> RoundResult {
    let cpuBefore = processCPUSeconds()
    let wallRate = try round()
    return RoundResult(wallRate: wallRate, cpuRate: Double(messages) / (processCPUSeconds() - cpuBefore))
}

/// The middle value (mean of the two middle values for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
