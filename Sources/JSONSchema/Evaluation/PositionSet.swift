/// A set of non-negative positions: a bitmap for 0..<64, a `Set` beyond.
struct PositionSet {
    private var low: UInt64 = 0
    private var high: Set<Int> = []

    mutating func insert(_ position: Int) {
        if position < 64 { low |= 1 << UInt64(position) } else { high.insert(position) }
    }

    func contains(_ position: Int) -> Bool {
        position < 64 ? low & (1 << UInt64(position)) != 0 : high.contains(position)
    }

    mutating func formUnion(_ other: PositionSet) {
        low |= other.low
        if !other.high.isEmpty { high.formUnion(other.high) }
    }
}
