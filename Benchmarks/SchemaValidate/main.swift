// schema-validate: validations per second of the population.death.registered example against its
// compiled schema, on one core, with a trivial-schema baseline from the same run.
import Foundation
import GerbangJSON
import JSONSchema

struct Arguments {
    var rounds = 7
    var iterations = 200_000
    var configDirectory = BenchmarkFixture.defaultConfigDirectory

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--rounds": rounds = iterator.next().flatMap(Int.init) ?? rounds
            case "--iterations": iterations = iterator.next().flatMap(Int.init) ?? iterations
            case "--config": configDirectory = iterator.next() ?? configDirectory
            default:
                print("usage: schema-validate [--rounds N] [--iterations N] [--config DIR (with schemas/ and examples/)]")
                exit(argument == "--help" ? 0 : 2)
            }
        }
    }
}

/// Runs `body` `iterations` times and returns calls per second.
func rate(iterations: Int, _ body: () -> Bool) -> Double {
    var accepted = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for _ in 0..<iterations where body() { accepted += 1 }
    }
    precondition(accepted == iterations, "the example must validate")
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return Double(iterations) / seconds
}

/// Counts every value in `value` (the raw cost of walking the instance once).
func walk(_ value: JSONValue) -> Int {
    switch value {
    case .array(let items): items.reduce(1) { $0 + walk($1) }
    case .object(let object): object.reduce(1) { $0 + walk($1.value) }
    default: 1
    }
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func format(_ value: Double) -> String {
    let rounded = Int(value.rounded())
    var digits = String(rounded)
    var index = digits.count - 3
    while index > 0 {
        digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
        index -= 3
    }
    return digits
}

let arguments = Arguments(CommandLine.arguments)
let loadStart = ContinuousClock.now
let fixture = try BenchmarkFixture.load(configDirectory: arguments.configDirectory)
let loadTime = ContinuousClock.now - loadStart
print("schema-validate: \(fixture.description)")
print("catalogue loaded and compiled (\(fixture.registry.entries.count) event schemas, region list) in \(loadTime)")
print("instance: \(walk(fixture.instance)) JSON values; \(arguments.rounds) rounds × \(arguments.iterations) validations, one thread")

let trivial = try SchemaCompiler().compile(.bool(true))
var validateRates: [Double] = []
var isValidRates: [Double] = []
var baselineRates: [Double] = []
var walkRates: [Double] = []
var registryRates: [Double] = []
for round in 1...arguments.rounds {
    let validate = rate(iterations: arguments.iterations) { fixture.schema.validate(fixture.instance).isValid }
    let isValid = rate(iterations: arguments.iterations) { fixture.schema.isValid(fixture.instance) }
    let baseline = rate(iterations: arguments.iterations) { trivial.validate(fixture.instance).isValid }
    let walked = rate(iterations: arguments.iterations) { walk(fixture.instance) > 0 }
    let registry = rate(iterations: arguments.iterations) { fixture.registry.validate(fixture.instance).isValid }
    validateRates.append(validate)
    isValidRates.append(isValid)
    baselineRates.append(baseline)
    walkRates.append(walked)
    registryRates.append(registry)
    print("round \(round): validate \(format(validate))/s  isValid \(format(isValid))/s  registry.validate \(format(registry))/s  baseline true-schema \(format(baseline))/s  walk \(format(walked))/s")
}
let validateMedian = median(validateRates)
print("median validate (full errors): \(format(validateMedian)) validations/s (target ≥ 100,000/s)")
print("median isValid (no error paths): \(format(median(isValidRates))) validations/s")
print("median registry.validate (type selection + schema + NIK/birth-date consistency): \(format(median(registryRates)))/s")
print("median baseline, validate against `true`: \(format(median(baselineRates)))/s")
print("median baseline, walk the instance once: \(format(median(walkRates)))/s")
print(String(format: "ratio validate / walk: %.2f (cost of validation in instance walks: %.1f)",
             validateMedian / median(walkRates), median(walkRates) / validateMedian))
