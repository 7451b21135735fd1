/// A deterministic automaton built at compile time from an ``ECMARegex`` program (subset
/// construction over equivalence classes of scalars), so that matching costs a table lookup per
/// scalar. Built only for programs without `\b`/`\B` and with at most ``maxStates`` states;
/// otherwise the Pike VM runs.
///
/// `Sendable`: immutable after init.
struct RegexDFA: Sendable {
    static let maxStates = 512
    /// Transition target meaning "a match has been found".
    static let matched: Int32 = -1
    /// Transition target meaning "no match can follow".
    static let dead: Int32 = -2

    /// Class boundaries: class `i` is `boundaries[i] ..< boundaries[i + 1]` (the last one
    /// extends to the end of Unicode).
    private let boundaries: [UInt32]
    /// The class of each ASCII scalar.
    private let asciiClasses: [UInt8]
    private let classCount: Int
    /// `transitions[state * classCount + class]`.
    private let transitions: [Int32]
    /// Whether reaching the end of the input in a state completes a match (`$`).
    private let acceptsAtEnd: [Bool]
    /// The initial state, or ``matched`` when the empty prefix already matches.
    private let start: Int32

    /// Builds the automaton, or returns nil when the program is not suitable.
    init?(_ regex: ECMARegex) {
        var points: Set<UInt32> = [0, 128]
        for instruction in regex.program {
            switch instruction {
            case .scalar(let value):
                points.insert(value)
                points.insert(value + 1)
            case .set(_, _, _, let index):
                for range in regex.sets[index].ranges {
                    points.insert(range.lowerBound)
                    points.insert(range.upperBound + 1)
                }
            case .any:
                for range in ScalarSet.lineTerminators.ranges {
                    points.insert(range.lowerBound)
                    points.insert(range.upperBound + 1)
                }
            case .wordBoundary:
                return nil
            default:
                break
            }
        }
        let boundaries = points.filter { $0 <= 0x10FFFF }.sorted()
        guard boundaries.count <= 255 else { return nil }
        self.boundaries = boundaries
        classCount = boundaries.count
        var asciiClasses = [UInt8](repeating: 0, count: 128)
        var classIndex = 0
        for scalar in 0..<128 {
            while classIndex + 1 < boundaries.count && boundaries[classIndex + 1] <= UInt32(scalar) { classIndex += 1 }
            asciiClasses[scalar] = UInt8(classIndex)
        }
        self.asciiClasses = asciiClasses

        var builder = RegexDFABuilder(regex: regex, representatives: boundaries)
        guard let built = builder.build() else { return nil }
        transitions = built.transitions
        acceptsAtEnd = built.acceptsAtEnd
        start = built.start
    }

    private func classOf(_ scalar: UInt32) -> Int {
        if scalar < 128 { return Int(asciiClasses[Int(scalar)]) }
        var low = 0
        var high = boundaries.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if boundaries[middle] <= scalar { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Whether the pattern matches anywhere in `string`.
    func matches(_ string: String) -> Bool {
        var state = start
        if state == Self.matched { return true }
        for scalar in string.unicodeScalars {
            state = transitions[Int(state) * classCount + classOf(scalar.value)]
            if state < 0 { return state == Self.matched }
        }
        return acceptsAtEnd[Int(state)]
    }
}
