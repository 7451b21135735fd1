/// The parse tree of a pattern.
indirect enum RegexNode {
    case empty
    case scalar(UInt32)
    case set(ScalarSet)
    case any
    case start
    case end
    case wordBoundary(Bool)
    case sequence([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)
}
