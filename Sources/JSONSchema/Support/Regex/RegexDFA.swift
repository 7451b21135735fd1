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

/// Subset construction for ``RegexDFA``.
private struct RegexDFABuilder {
    let regex: ECMARegex
    /// One scalar per class (its lower bound), to evaluate the program's instructions.
    let representatives: [UInt32]

    /// A DFA state: the consuming instructions reachable, the `$` instructions waiting for the
    /// end, and whether this is the state at position 0 (where `^` holds).
    struct StateKey: Hashable {
        var consuming: [Int32]
        var waitingForEnd: [Int32]
        var initial: Bool
    }

    var keys: [StateKey] = []
    var index: [StateKey: Int32] = [:]

    init(regex: ECMARegex, representatives: [UInt32]) {
        self.regex = regex
        self.representatives = representatives
    }

    /// Follows epsilon transitions from `starts`; nil when `match` is reached.
    func closure(_ starts: [Int], atStart: Bool, atEnd: Bool) -> (consuming: Set<Int32>, waiting: Set<Int32>)? {
        var consuming: Set<Int32> = []
        var waiting: Set<Int32> = []
        var seen: Set<Int> = []
        var stack = starts
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch regex.program[pc] {
            case .match: return nil
            case .jump(let target): stack.append(target)
            case .split(let first, let second): stack.append(contentsOf: [second, first])
            case .assertStart: if atStart { stack.append(pc + 1) }
            case .assertEnd:
                if atEnd { stack.append(pc + 1) } else { waiting.insert(Int32(pc)) }
            case .wordBoundary: return (consuming, waiting)
            case .scalar, .set, .any: consuming.insert(Int32(pc))
            }
        }
        return (consuming, waiting)
    }

    func consumes(_ pc: Int32, _ scalar: UInt32) -> Bool {
        switch regex.program[Int(pc)] {
        case .scalar(let expected): scalar == expected
        case .set(_, _, _, let set): regex.sets[set].contains(scalar)
        case .any: !ScalarSet.lineTerminators.contains(scalar)
        default: false
        }
    }

    mutating func state(_ consuming: Set<Int32>, _ waiting: Set<Int32>, initial: Bool) -> Int32? {
        let key = StateKey(consuming: consuming.sorted(), waitingForEnd: waiting.sorted(), initial: initial)
        if let existing = index[key] { return existing }
        guard keys.count < RegexDFA.maxStates else { return nil }
        let id = Int32(keys.count)
        keys.append(key)
        index[key] = id
        return id
    }

    mutating func build() -> (transitions: [Int32], acceptsAtEnd: [Bool], start: Int32)? {
        guard let first = closure([0], atStart: true, atEnd: false) else { return ([], [], RegexDFA.matched) }
        guard let start = state(first.consuming, first.waiting, initial: true) else { return nil }
        let restart = regex.anchoredAtStart ? nil : closure([0], atStart: false, atEnd: false)
        if !regex.anchoredAtStart && restart == nil { return ([], [], RegexDFA.matched) }
        var transitions: [Int32] = []
        var acceptsAtEnd: [Bool] = []
        var processed = 0
        while processed < keys.count {
            let key = keys[processed]
            processed += 1
            let endClosure = closure(key.waitingForEnd.map { Int($0) + 1 }, atStart: key.initial, atEnd: true)
            acceptsAtEnd.append(!key.waitingForEnd.isEmpty && endClosure == nil)
            for representative in representatives {
                let next = key.consuming.filter { consumes($0, representative) }.map { Int($0) + 1 }
                guard var reached = closure(next, atStart: false, atEnd: false) else {
                    transitions.append(RegexDFA.matched)
                    continue
                }
                if let restart {
                    reached.consuming.formUnion(restart.consuming)
                    reached.waiting.formUnion(restart.waiting)
                }
                if reached.consuming.isEmpty && reached.waiting.isEmpty {
                    transitions.append(RegexDFA.dead)
                    continue
                }
                guard let target = state(reached.consuming, reached.waiting, initial: false) else { return nil }
                transitions.append(target)
            }
        }
        return (transitions, acceptsAtEnd, start)
    }
}
