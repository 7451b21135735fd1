import GMP
import Testing

/// What a publishing test has been answered: the events it published and awaits answers for,
/// and for each answered one its ACCEPTED sequence or REJECTED reason. Events are tagged with
/// their index. Not `Sendable`: used on the test's one thread.
struct PublishAnswers {
    /// Published, not yet answered.
    var pending: Set<Int> = []
    /// Event index → sequence of its ACCEPTED.
    private(set) var accepted: [Int: UInt64] = [:]
    /// Event index → reason of its REJECTED.
    private(set) var rejected: [Int: String] = [:]
    /// ACCEPTED answers with the duplicate flag.
    private(set) var duplicates = 0
    /// Answers to pending events.
    private(set) var answered = 0

    /// Records `message` if it answers a pending event (an answer to an event no longer pending
    /// is ignored), and checks that an event accepted again keeps its sequence. Returns false
    /// for a message that is neither an answer nor a heartbeat.
    mutating func record(_ message: GMPMessage) -> Bool {
        switch message {
        case .accepted(let answer):
            let index = Int(answer.tag)
            guard pending.remove(index) != nil else { return true }
            if let earlier = accepted[index] {
                #expect(earlier == answer.sequence, "an event keeps its sequence")
            }
            accepted[index] = answer.sequence
            if answer.duplicate { duplicates += 1 }
            answered += 1
        case .rejected(let answer):
            let index = Int(answer.tag)
            guard pending.remove(index) != nil else { return true }
            rejected[index] = answer.reason.rawValue
            answered += 1
        case .heartbeat:
            break
        default:
            return false
        }
        return true
    }
}
