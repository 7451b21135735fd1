extension ECMARegex {
    /// Whether the pattern matches anywhere in `string`, by simulating the NFA (Pike VM).
    func simulate(_ string: String) -> Bool {
        let count = program.count
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: count * 5 + 2) { buffer in
            // current list, next list, per-pc generation marks, work stack (each pc is expanded
            // at most once per step and pushes at most two successors)
            let current = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            let next = UnsafeMutableBufferPointer(rebasing: buffer[count..<2 * count])
            let marks = UnsafeMutableBufferPointer(rebasing: buffer[2 * count..<3 * count])
            let stack = UnsafeMutableBufferPointer(rebasing: buffer[3 * count..<5 * count + 2])
            marks.initialize(repeating: -1)
            var lists = (current, next)
            var currentCount = 0
            var generation: Int32 = 0
            var previous: UInt32? = nil
            var scalars = string.unicodeScalars.makeIterator()
            var upcoming = scalars.next()?.value
            var atStart = true
            while true {
                // Start a new attempt at this position (search semantics).
                if atStart || !anchoredAtStart {
                    if addThread(0, to: lists.0, count: &currentCount, marks: marks, generation: generation, stack: stack,
                                 atStart: atStart, previous: previous, upcoming: upcoming) {
                        return true
                    }
                }
                guard let scalar = upcoming else { return false }
                if currentCount == 0 && anchoredAtStart { return false }
                generation += 1
                var nextCount = 0
                let following = scalars.next()?.value
                for index in 0..<currentCount {
                    let pc = Int(lists.0[index])
                    let consumed: Bool
                    switch program[pc] {
                    case .scalar(let expected): consumed = scalar == expected
                    case .set(let low, let high, let negated, let set):
                        let member =
                            scalar < 64
                            ? low & (1 << UInt64(scalar)) != 0
                            : scalar < 128 ? high & (1 << UInt64(scalar - 64)) != 0 : sets[set].rangesContain(scalar)
                        consumed = member != negated
                    case .any: consumed = !ScalarSet.lineTerminators.contains(scalar)
                    default: consumed = false
                    }
                    if consumed,
                        addThread(pc + 1, to: lists.1, count: &nextCount, marks: marks, generation: generation, stack: stack,
                                  atStart: false, previous: scalar, upcoming: following)
                    {
                        return true
                    }
                }
                swap(&lists.0, &lists.1)
                currentCount = nextCount
                previous = scalar
                upcoming = following
                atStart = false
            }
        }
    }

    /// Follows the epsilon transitions from `start`, adding consuming instructions to `list`;
    /// true when `match` is reached.
    private func addThread(
        _ start: Int, to list: UnsafeMutableBufferPointer<Int32>, count: inout Int,
        marks: UnsafeMutableBufferPointer<Int32>, generation: Int32, stack: UnsafeMutableBufferPointer<Int32>,
        atStart: Bool, previous: UInt32?, upcoming: UInt32?
    ) -> Bool {
        var depth = 0
        stack[0] = Int32(start)
        depth = 1
        while depth > 0 {
            depth -= 1
            let pc = Int(stack[depth])
            if marks[pc] == generation { continue }
            marks[pc] = generation
            switch program[pc] {
            case .match:
                return true
            case .jump(let target):
                stack[depth] = Int32(target)
                depth += 1
            case .split(let first, let second):
                stack[depth] = Int32(second)
                stack[depth + 1] = Int32(first)
                depth += 2
            case .assertStart:
                if atStart {
                    stack[depth] = Int32(pc + 1)
                    depth += 1
                }
            case .assertEnd:
                if upcoming == nil {
                    stack[depth] = Int32(pc + 1)
                    depth += 1
                }
            case .wordBoundary(let expected):
                let before = previous.map { ScalarSet.word.contains($0) } ?? false
                let after = upcoming.map { ScalarSet.word.contains($0) } ?? false
                if (before != after) == expected {
                    stack[depth] = Int32(pc + 1)
                    depth += 1
                }
            case .scalar, .set, .any:
                list[count] = Int32(pc)
                count += 1
            }
        }
        return false
    }
}
