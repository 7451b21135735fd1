/// Subset construction for ``RegexDFA``, over bitsets of program counters.
///
/// The epsilon closure of a set is the union of the closures of its members, so the closure of
/// every instruction is computed once and a transition is a union of precomputed bitsets.
struct RegexDFABuilder {
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
