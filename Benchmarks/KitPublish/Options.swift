/// The benchmark's command-line options. `Sendable` value.
struct Options: Sendable {
    /// Measured rounds (each: one raw round and one GerbangClient round).
    var rounds = 5
    /// Events per round and per publisher.
    var events = 10_000
    /// Unanswered events allowed (the raw loop's window; the client's concurrent publishers).
    var window = 1_000
    /// Events per PUBLISH in the raw loop (the client takes the broker's maximum from WELCOME).
    var batch = 256

    /// `--rounds N --events N --window N --batch N`.
    init(arguments: [String]) {
        var index = 1
        while index + 1 < arguments.count {
            let value = Int(arguments[index + 1])
            switch arguments[index] {
            case "--rounds": rounds = max(value ?? rounds, 1)
            case "--events": events = max(value ?? events, 1)
            case "--window": window = max(value ?? window, 1)
            case "--batch": batch = max(value ?? batch, 1)
            default: break
            }
            index += 2
        }
    }
}
