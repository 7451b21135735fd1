import Foundation

/// Command-line settings of the benchmark.
struct Settings {
    var messages = 1_000_000
    var size = 1024
    var rounds = 7

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let text = iterator.next(), let value = Int(text), value > 0 else {
                Settings.fail("expected a positive number after \(flag)")
            }
            switch flag {
            case "--messages": messages = value
            case "--size": size = value
            case "--rounds": rounds = value
            default: Settings.fail("unknown option \(flag) (options: --messages N --size BYTES --rounds R)")
            }
        }
        guard size >= 1, messages <= Int(Int32.max), size <= 1 << 24 else { Settings.fail("value out of range") }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("zmq-throughput: \(message)\n".utf8))
        exit(2)
    }
}
