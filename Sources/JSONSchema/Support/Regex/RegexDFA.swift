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

/// Subset construction for ``RegexDFA``, over bitsets of program counters.
///
/// The epsilon closure of a set is the union of the closures of its members, so the closure of
/// every instruction is computed once and a transition is a union of precomputed bitsets.
private struct RegexDFABuilder {
    let regex: ECMARegex
    /// One scalar per class (its lower bound), to evaluate the program's instructions.
    let representatives: [UInt32]
    let words: Int

    /// A closure: consuming instructions, `$` instructions waiting for the end, and whether
    /// `match` is reachable.
    struct Closure {
        var consuming: [UInt64]
        var waiting: [UInt64]
        var matched = false
    }

    /// A DFA state: its closure bits and whether it is the state at position 0.
    struct StateKey: Hashable {
        var bits: [UInt64]
        var initial: Bool
    }

    var keys: [(closure: Closure, initial: Bool)] = []
    var index: [StateKey: Int32] = [:]

    init(regex: ECMARegex, representatives: [UInt32]) {
        self.regex = regex
        self.representatives = representatives
        self.words = (regex.program.count + 63) / 64
    }

    /// Follows epsilon transitions from `starts` in the given context.
    func closure(_ starts: [Int], atStart: Bool, atEnd: Bool) -> Closure {
        var result = Closure(consuming: Array(repeating: 0, count: words), waiting: Array(repeating: 0, count: words))
        var seen = [UInt64](repeating: 0, count: words)
        var stack = starts
        while let pc = stack.popLast() {
            guard pc < regex.program.count else { continue }
            let word = pc / 64, bit = UInt64(1) << UInt64(pc % 64)
            if seen[word] & bit != 0 { continue }
            seen[word] |= bit
            switch regex.program[pc] {
            case .match: result.matched = true
            case .jump(let target): stack.append(target)
            case .split(let first, let second): stack.append(contentsOf: [second, first])
            case .assertStart: if atStart { stack.append(pc + 1) }
            case .assertEnd:
                if atEnd { stack.append(pc + 1) } else { result.waiting[word] |= bit }
            case .wordBoundary: break
            case .scalar, .set, .any: result.consuming[word] |= bit
            }
        }
        return result
    }

    func consumes(_ pc: Int, _ scalar: UInt32) -> Bool {
        switch regex.program[pc] {
        case .scalar(let expected): scalar == expected
        case .set(_, _, _, let set): regex.sets[set].contains(scalar)
        case .any: !ScalarSet.lineTerminators.contains(scalar)
        default: false
        }
    }

    static func members(_ bits: [UInt64]) -> [Int] {
        var result: [Int] = []
        for (word, value) in bits.enumerated() where value != 0 {
            var remaining = value
            while remaining != 0 {
                result.append(word * 64 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return result
    }

    mutating func state(_ closure: Closure, initial: Bool) -> Int32? {
        let key = StateKey(bits: closure.consuming + closure.waiting, initial: initial)
        if let existing = index[key] { return existing }
        guard keys.count < RegexDFA.maxStates else { return nil }
        let id = Int32(keys.count)
        keys.append((closure, initial))
        index[key] = id
        return id
    }

    mutating func build() -> (transitions: [Int32], acceptsAtEnd: [Bool], start: Int32)? {
        let program = regex.program
        let first = closure([0], atStart: true, atEnd: false)
        if first.matched { return ([], [], RegexDFA.matched) }
        guard let start = state(first, initial: true) else { return nil }
        let restart = regex.anchoredAtStart ? nil : closure([0], atStart: false, atEnd: false)
        if restart?.matched == true { return ([], [], RegexDFA.matched) }
        // Closure (mid-input context) of the successor of every consuming instruction.
        var successorClosures: [Closure?] = Array(repeating: nil, count: program.count)
        // For each class, the consuming instructions that accept it.
        var accepting: [[UInt64]] = []
        for representative in representatives {
            var bits = [UInt64](repeating: 0, count: words)
            for pc in program.indices where consumes(pc, representative) { bits[pc / 64] |= UInt64(1) << UInt64(pc % 64) }
            accepting.append(bits)
        }
        var transitions: [Int32] = []
        var acceptsAtEnd: [Bool] = []
        var processed = 0
        while processed < keys.count {
            let (current, initial) = keys[processed]
            processed += 1
            let waiting = Self.members(current.waiting)
            acceptsAtEnd.append(!waiting.isEmpty && closure(waiting.map { $0 + 1 }, atStart: initial, atEnd: true).matched)
            for classIndex in representatives.indices {
                var reached = restart ?? Closure(consuming: Array(repeating: 0, count: words), waiting: Array(repeating: 0, count: words))
                var any = false
                for word in 0..<words {
                    var moving = current.consuming[word] & accepting[classIndex][word]
                    while moving != 0 {
                        let pc = word * 64 + moving.trailingZeroBitCount
                        moving &= moving - 1
                        if successorClosures[pc] == nil { successorClosures[pc] = closure([pc + 1], atStart: false, atEnd: false) }
                        let successor = successorClosures[pc]!
                        if successor.matched { reached.matched = true }
                        for w in 0..<words {
                            reached.consuming[w] |= successor.consuming[w]
                            reached.waiting[w] |= successor.waiting[w]
                        }
                        any = true
                    }
                }
                if reached.matched {
                    transitions.append(RegexDFA.matched)
                } else if !any && restart == nil {
                    transitions.append(RegexDFA.dead)
                } else if reached.consuming.allSatisfy({ $0 == 0 }) && reached.waiting.allSatisfy({ $0 == 0 }) {
                    transitions.append(RegexDFA.dead)
                } else {
                    guard let target = state(reached, initial: false) else { return nil }
                    transitions.append(target)
                }
            }
        }
        return (transitions, acceptsAtEnd, start)
    }
}
