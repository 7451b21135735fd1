// trust-verify: signature verification through the Trust module against `openssl speed`, and a
// leak check. See docs/benchmarks.md.
//
//   swift run -c release trust-verify [--rounds N] [--seconds S] [--leak-check-only] [--verifications N]
import Foundation
import GerbangJSON
import Trust

struct Options {
    var rounds = 5
    var seconds = 3
    var verifications = 100_000
    var benchmark = true
    var leakCheck = true

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--rounds": rounds = iterator.next().flatMap(Int.init) ?? rounds
            case "--seconds": seconds = iterator.next().flatMap(Int.init) ?? seconds
            case "--verifications": verifications = iterator.next().flatMap(Int.init) ?? verifications
            case "--leak-check-only": benchmark = false
            case "--no-leak-check": leakCheck = false
            default:
                FileHandle.standardError.write(Data("usage: trust-verify [--rounds N] [--seconds S] [--verifications N] [--leak-check-only | --no-leak-check]\n".utf8))
                exit(2)
            }
        }
    }
}

/// CPU time consumed by the calling thread, in seconds.
///
/// `openssl speed` reports operations per second of *user CPU time* (its default; `-elapsed`
/// switches to wall time), so the module is measured the same way: on a shared machine, wall
/// time would charge it for other processes' work and the ratio would be meaningless.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Calls of `verify` per CPU-second, over `seconds` of CPU time (`verify` must return true).
func rate(seconds: Int, _ verify: () -> Bool) -> Double {
    let start = threadCPUSeconds()
    var count = 0
    var elapsed = 0.0
    repeat {
        for _ in 0..<64 {
            guard verify() else { fatalError("benchmark signature did not verify") }
        }
        count += 64
        elapsed = threadCPUSeconds() - start
    } while elapsed < Double(seconds)
    return Double(count) / elapsed
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ value: Double) -> String { String(format: "%9.0f/s", value) }

let options = Options(CommandLine.arguments)
let pki = try BenchmarkPKI()
defer { pki.remove() }
let verifier = try SignatureVerifier(configuration: pki.configuration)

if options.benchmark {
    print("trust-verify: ES256/EdDSA verification through Trust vs `openssl speed` verify/s, same run, single thread")
    print("rates are per CPU-second of the measuring thread (openssl speed's default is user CPU time)")
    print("rounds: \(options.rounds), \(options.seconds) s per measurement; rounds interleave the three measurements")
    print("  jws:   SignatureVerifier.verify(jws:payload:claimedAgency:) - header, cached chain, agency, signature")
    print("  event: SignatureVerifier.verify(event:) - plus JSON parse and RFC 8785 form of a ~600-byte event")
    for (type, name, algorithm, marker) in [(KeyType.ecP256, "ES256", "ecdsap256", "nistp256"), (.ed25519, "EdDSA", "ed25519", "Ed25519")] {
        let event = try pki.signedEvent(type)
        let object = try JSONParser.parse(event).objectValue!
        let jws = object["gerbangjws"]!.stringValue!
        var unsigned = object
        unsigned["gerbangjws"] = nil
        let payload = try unsigned.canonicalBytes()
        let verifyJWS = { verifier.verify(jws: jws, payload: payload, claimedAgency: "dukcapil").isValid }
        let verifyEvent = { verifier.verify(event: event).isValid }
        _ = rate(seconds: 1, verifyEvent) // warm-up: chain and header cached, code paged in
        var jwsRates: [Double] = []
        var eventRates: [Double] = []
        var openssl: [Double] = []
        for round in 1...options.rounds {
            openssl.append(try OpenSSLSpeed.verificationsPerSecond(algorithm: algorithm, marker: marker, seconds: options.seconds))
            jwsRates.append(rate(seconds: options.seconds, verifyJWS))
            eventRates.append(rate(seconds: options.seconds, verifyEvent))
            print("  \(name) round \(round): jws \(format(jwsRates.last!))  event \(format(eventRates.last!))  openssl speed \(algorithm) \(format(openssl.last!))")
        }
        let baseline = median(openssl)
        print("\(name) median: jws \(format(median(jwsRates))) = \(String(format: "%.2f", median(jwsRates) / baseline))x   event \(format(median(eventRates))) = \(String(format: "%.2f", median(eventRates) / baseline))x   of openssl \(format(baseline))   (target >= 0.85x)")
    }
}

if options.leakCheck {
    // Leak check by RSS sampling: valid events (cache hits), tampered events (rejections), and a
    // CRL reload every 1,000 verifications so that full chain verification runs too.
    let valid = try [pki.signedEvent(.ecP256, serial: 1), pki.signedEvent(.ed25519, serial: 2)]
    var tampered = valid[0]
    tampered[tampered.firstIndex(of: UInt8(ascii: "S"))!] = UInt8(ascii: "T") // "Siti" -> "Titi"
    let total = options.verifications
    let sampleEvery = max(total / 10, 1)
    print("leak check: \(total) verifications (valid ES256 and EdDSA, tampered, CRL reload every 1000), RSS from /proc/self/statm")
    var samples: [Int] = []
    for index in 1...total {
        let verdict = verifier.verify(event: index % 3 == 0 ? tampered : valid[index % 2])
        precondition(verdict.isValid == (index % 3 != 0), "unexpected verdict \(String(describing: verdict.error))")
        if index % 1000 == 0 { try verifier.chains.reloadCRLs() }
        if index % sampleEvery == 0 {
            let rss = ResidentMemory.bytes() ?? 0
            samples.append(rss)
            print("  after \(String(index).padding(toLength: 7, withPad: " ", startingAt: 0)) RSS \(ResidentMemory.megabytes(rss))")
        }
    }
    // The first sample includes warm-up allocations (caches, code pages); growth is measured after it.
    let growth = (samples.last ?? 0) - (samples.first ?? 0)
    let flat = growth < 2 * 1_048_576
    print("leak check: RSS growth from the first to the last sample \(String(format: "%.2f", Double(growth) / 1_048_576)) MiB -> \(flat ? "flat" : "GROWING")")
    if !flat { exit(1) }
}
