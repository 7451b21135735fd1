/// Turns a ``RegexNode`` tree into Pike VM instructions (Thompson construction). Counted
/// repetition is expanded; `emit` returns false once the program grows past the limit.
struct ECMARegexCompiler {
    var program: [ECMARegex.Instruction] = []
    var sets: [ScalarSet] = []

    mutating func emit(_ node: RegexNode) -> Bool {
        guard program.count < ECMARegex.maxInstructions else { return false }
        switch node {
        case .empty: return true
        case .scalar(let value): program.append(.scalar(value))
        case .set(let set):
            sets.append(set)
            program.append(.set(low: set.asciiLow, high: set.asciiHigh, negated: set.negated, index: sets.count - 1))
        case .any: program.append(.any)
        case .start: program.append(.assertStart)
        case .end: program.append(.assertEnd)
        case .wordBoundary(let expected): program.append(.wordBoundary(expected))
        case .sequence(let items):
            for item in items where !emit(item) { return false }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    guard emit(branch) else { return false }
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    guard emit(branch) else { return false }
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let inner, let minimum, let maximum):
            for _ in 0..<minimum where !emit(inner) { return false }
            if let maximum {
                var splits: [Int] = []
                for _ in minimum..<maximum {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, 0))
                    guard emit(inner) else { return false }
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, 0))
                guard emit(inner) else { return false }
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
        return program.count < ECMARegex.maxInstructions
    }
}
