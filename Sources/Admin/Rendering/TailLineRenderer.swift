/// Renders tail lines for people: one line per observation, optionally coloured (ANSI) and
/// shortened to the terminal's width.
///
/// ```
/// 06:01:02.345 accepted      population.death.registered dukcapil #12 3374-KM-19112026-0153
/// 06:01:02.351 delivered     population.death.registered dukcapil #12 → kemensos-population a1
/// 06:01:02.360 rejected      population.death.registered dukcapil signature.invalid
/// ```
/// `Sendable`: a value type.
public struct TailLineRenderer: Sendable {
    /// Use ANSI colours.
    public var colour: Bool
    /// Shorten lines to this many characters (a terminal's width).
    public var width: Int?

    /// Creates a renderer.
    public init(colour: Bool, width: Int?) {
        self.colour = colour
        self.width = width
    }

    /// The text of one line (no newline).
    public func render(_ line: TailLine) -> String {
        var parts = [AdminTime.clock(line.time), line.status.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0),
                     line.type.isEmpty ? "-" : line.type, line.source]
        if let sequence = line.sequence { parts.append("#\(sequence)") }
        if let subscription = line.subscription { parts.append("→ \(subscription)") }
        if let attempt = line.attempt { parts.append("a\(attempt)") }
        if line.duplicate == true { parts.append("duplicate") }
        if let reason = line.reason { parts.append(reason) }
        if let subject = line.subject { parts.append(subject) }
        var text = parts.joined(separator: " ")
        if let width { text = TextTable.fit(text, to: width) }
        guard colour else { return text }
        let code = switch line.status {
        case .accepted: "32"
        case .rejected: "31"
        case .delivered: "36"
        case .acknowledged: "2;32"
        case .retried: "33"
        case .deadLettered: "1;35"
        }
        // Colour the status word only, so that shortening never cuts an escape sequence.
        let prefix = AdminTime.clock(line.time) + " "
        let status = line.status.rawValue
        guard text.hasPrefix(prefix + status) else { return text }
        return prefix + "\u{1B}[\(code)m\(status)\u{1B}[0m" + text.dropFirst(prefix.count + status.count)
    }
}
